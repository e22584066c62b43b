import { endpoint, route } from "@/lib/api/route";
import { reauthenticate, reauthenticateSchema, secureModeSchema } from "@/lib/auth/secure-mode";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "auth_reauthenticate_create",
    summary: "Re-authenticate: renew secure mode",
    description:
      "The password, and with two-factor on a current code or an unused backup code (`otp`; 400 naming it when missing), renew this session's secure mode: sensitive changes are allowed again for the window (`SESSION_SENSITIVE_ACTIONS_AGE_SECONDS`, 2 hours; an email change for 10 minutes). Other sessions keep their own window. A wrong password or code is a 400 `invalid_credentials` that does not say which; attempts count against the sign-in budgets (429 with `Retry-After`). Session only.",
    auth: "session",
    scope: "user:write",
    allowedDuringTwoFactorSetup: true,
    body: reauthenticateSchema,
    response: secureModeSchema,
    errors: { 429: "Too many attempts: the sign-in budgets, with `Retry-After`." },
    handler: ({ request, principal, body }) => reauthenticate(principal, body, request.headers),
  }),
});
