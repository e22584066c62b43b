import { endpoint, route } from "@/lib/api/route";
import { sessionIdParams } from "@/lib/sessions/session-schema";
import { signOutDevice } from "@/lib/sessions/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  DELETE: endpoint({
    operationId: "users_sessions_destroy",
    allowedDuringTwoFactorSetup: true,
    summary: "Sign one device out",
    description:
      "Ends one of the caller's other sessions; its next request is refused. An id that is not one of the caller's live sessions is a 404. Session only.",
    auth: "session",
    scope: "user:write",
    sensitive: true,
    subject: "uuid",
    params: sessionIdParams,
    status: 204,
    errors: { 404: "No live session of the caller has this id.", 409: "The current session cannot be revoked here; sign out instead." },
    handler: ({ principal, subject, params }) => signOutDevice(principal, subject, params.id),
  }),
});
