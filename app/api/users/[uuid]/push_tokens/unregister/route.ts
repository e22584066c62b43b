import { endpoint, route } from "@/lib/api/route";
import { pushTokenUnregistrationSchema } from "@/lib/push-tokens/schemas";
import { unregisterPushToken } from "@/lib/push-tokens/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "users_push_tokens_unregister_create",
    summary: "Unregister a device from push notifications",
    description:
      "Deletes the caller's row for `token`; 204 whether or not it existed, so a mobile client can call it unconditionally (for example at sign-out). Another user's identical token is untouched. A POST so the token travels in the body, not the URL. `@me` (or your own uuid) only, staff included.",
    scope: "user:write",
    subject: "uuid",
    body: pushTokenUnregistrationSchema,
    status: 204,
    handler: ({ subject, body }) => unregisterPushToken(subject, body.token),
  }),
});
