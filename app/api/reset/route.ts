import { endpoint, route } from "@/lib/api/route";
import { requestPasswordReset } from "@/lib/users/password-reset";
import { passwordResetRequestSchema, passwordResetRequestedSchema } from "@/lib/users/password-reset-schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "reset_create",
    summary: "Ask for a password reset link",
    description:
      "Mails a single-use link that expires (`PASSWORD_RESET_TTL_SECONDS`) to the account with this address, replacing any earlier link. The answer is the same whether or not such an account exists. Limited per address and per client address.",
    auth: "public",
    rateLimit: "password_reset_per_client",
    body: passwordResetRequestSchema,
    response: passwordResetRequestedSchema,
    status: 202,
    handler: ({ body, request }) => requestPasswordReset(body.email, request.headers),
  }),
});
