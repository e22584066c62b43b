import { endpoint, route } from "@/lib/api/route";
import { lockSecureMode, secureModeSchema } from "@/lib/auth/secure-mode";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "auth_lock_create",
    summary: "Leave secure mode now",
    description: "Ends this session's secure mode: its next sensitive change asks for the password again. Session only.",
    auth: "session",
    scope: "user:write",
    allowedDuringTwoFactorSetup: true,
    response: secureModeSchema,
    status: 200,
    handler: ({ principal }) => lockSecureMode(principal),
  }),
});
