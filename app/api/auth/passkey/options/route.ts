import { endpoint, route } from "@/lib/api/route";
import { authenticationOptionsSchema } from "@/lib/passkeys/schemas";
import { authenticationOptions } from "@/lib/passkeys/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "auth_passkey_options_create",
    summary: "Start signing in with a passkey",
    description:
      "Request options for `navigator.credentials.get()` and the id of their challenge: single use, 5 minutes. The signed answer goes to next-auth's `passkey` provider (`credential` as a JSON string, `challenge` the id) to sign in without a password, or to the `credentials` provider with the password (`passkey`, `challenge`) as the second factor. No credentials are listed, so the answer is the same for everyone.",
    auth: "public",
    rateLimit: "passkey_challenge",
    response: authenticationOptionsSchema,
    errors: { 429: "Too many challenges from this address: `RATE_LIMIT_PASSKEY_CHALLENGE_*`." },
    handler: () => authenticationOptions(),
  }),
});
