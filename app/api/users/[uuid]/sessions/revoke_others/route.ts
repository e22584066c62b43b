import { endpoint, route } from "@/lib/api/route";
import { revokedSessionsSchema } from "@/lib/sessions/session-schema";
import { signOutOtherDevices } from "@/lib/sessions/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "users_sessions_revoke_others_create",
    allowedDuringTwoFactorSetup: true,
    summary: "Sign out everywhere else",
    description: "Ends every live session of the caller except the current one. Takes no body. Session only.",
    auth: "session",
    scope: "user:write",
    sensitive: true,
    subject: "uuid",
    response: revokedSessionsSchema,
    handler: ({ principal, subject }) => signOutOtherDevices(principal, subject),
  }),
});
