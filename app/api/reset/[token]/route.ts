import { endpoint, route } from "@/lib/api/route";
import { checkPasswordResetToken, completePasswordReset } from "@/lib/users/password-reset";
import { passwordResetCompleteSchema, passwordResetTokenParams, passwordResetTokenStatusSchema } from "@/lib/users/password-reset-schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "reset_retrieve",
    summary: "Check a password reset link",
    description: "Whether the link still works, without using it: 400 `token_invalid` (wrong, used or replaced) or `token_expired`.",
    auth: "public",
    params: passwordResetTokenParams,
    response: passwordResetTokenStatusSchema,
    errors: { 400: "The link is wrong, used, replaced (`token_invalid`) or expired (`token_expired`)." },
    handler: ({ params }) => checkPasswordResetToken(params.token),
  }),
  POST: endpoint({
    operationId: "reset_complete",
    summary: "Set a new password through a reset link",
    description:
      "Sets the new password (the sign-up rules), uses the link up and signs the account out everywhere. It signs nobody in: the person signs in afterwards, with their second factor when they have one.",
    auth: "public",
    rateLimit: "password_reset_per_client",
    params: passwordResetTokenParams,
    body: passwordResetCompleteSchema,
    status: 204,
    handler: ({ params, body, request }) => completePasswordReset(params.token, body.password, request.headers),
  }),
});
