import { endpoint, route } from "@/lib/api/route";
import { registrationOptionsSchema } from "@/lib/passkeys/schemas";
import { registrationOptions } from "@/lib/passkeys/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "users_passkeys_register_options_create",
    summary: "Start adding a passkey",
    description:
      "Creation options for `navigator.credentials.create()`: the relying party is the app's configured origin, the passkeys already registered are excluded, a resident key and user verification are preferred. The challenge is bound to this session, works once, for 5 minutes; a newer one replaces it. Session only.",
    auth: "session",
    scope: "user:write",
    sensitive: true,
    rateLimit: "passkey_challenge",
    subject: "uuid",
    response: registrationOptionsSchema,
    errors: { 409: "The account already has the most passkeys allowed.", 429: "Too many challenges: `RATE_LIMIT_PASSKEY_CHALLENGE_*`." },
    handler: ({ principal, subject }) => registrationOptions(principal, subject) as unknown as Promise<Record<string, unknown>>,
  }),
});
