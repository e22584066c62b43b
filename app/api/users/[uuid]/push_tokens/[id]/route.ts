import { endpoint, route } from "@/lib/api/route";
import { pushDeviceIdParams } from "@/lib/push-tokens/schemas";
import { removePushDevice } from "@/lib/push-tokens/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  DELETE: endpoint({
    operationId: "users_push_tokens_destroy",
    summary: "Remove a push notification device",
    description: "Removes one of the caller's devices by its id (as the settings page does, which never holds the token); 404 for an id that is not one of the caller's. `@me` (or your own uuid) only, staff included.",
    scope: "user:write",
    subject: "uuid",
    params: pushDeviceIdParams,
    status: 204,
    errors: { 404: "Not one of the caller's devices." },
    handler: ({ subject, params }) => removePushDevice(subject, params.id),
  }),
});
