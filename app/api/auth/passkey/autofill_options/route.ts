import { endpoint, route } from "@/lib/api/route";
import { authenticationOptionsSchema } from "@/lib/passkeys/schemas";
import { authenticationOptions } from "@/lib/passkeys/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "auth_passkey_autofill_options_create",
    summary: "Offer passkeys in the sign-in form's autofill",
    description:
      "The same options as `POST /api/auth/passkey/options`, for the sign-in page's conditional request (`mediation: \"conditional\"`), which it makes on every visit before anyone asks for a passkey. Its own budget, so page views never use up the one the \"Sign in with a passkey\" button spends.",
    auth: "public",
    rateLimit: "passkey_autofill",
    response: authenticationOptionsSchema,
    errors: { 429: "Too many autofill challenges from this address: `RATE_LIMIT_PASSKEY_AUTOFILL_*`." },
    handler: () => authenticationOptions(),
  }),
});
