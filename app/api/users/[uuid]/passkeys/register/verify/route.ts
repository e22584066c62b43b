import { endpoint, route } from "@/lib/api/route";
import { passkeyRegistrationSchema, passkeySchema } from "@/lib/passkeys/schemas";
import { registerPasskey } from "@/lib/passkeys/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "users_passkeys_register_verify_create",
    summary: "Finish adding a passkey",
    description:
      "Checks the browser's answer (`credential`) to this session's registration challenge, which it spends, and stores the passkey under `name`. A missing, spent or expired challenge, or an answer that does not verify, is a 400 naming `credential`; an already registered passkey a 409. Session only.",
    auth: "session",
    scope: "user:write",
    sensitive: true,
    subject: "uuid",
    body: passkeyRegistrationSchema,
    status: 201,
    response: passkeySchema,
    errors: { 409: "Already registered, or the account has the most passkeys allowed." },
    handler: ({ principal, subject, body }) => registerPasskey(principal, subject, body),
  }),
});
