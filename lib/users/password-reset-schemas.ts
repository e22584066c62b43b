import { z } from "zod";
import { emailSchema, newPasswordSchema } from "./schemas";

export const passwordResetRequestSchema = z.object({ email: emailSchema });
export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestSchema>;

/** The one answer to a reset request, whether or not an account has that address. */
export const PASSWORD_RESET_REQUESTED_DETAIL = "If an account exists for that address, we've sent it a link to reset the password.";

export const passwordResetRequestedSchema = z
  .object({ detail: z.literal(PASSWORD_RESET_REQUESTED_DETAIL) })
  .meta({ id: "PasswordResetRequested" });
export type PasswordResetRequested = z.infer<typeof passwordResetRequestedSchema>;

// Any string up to a bound: a malformed token must answer exactly like a wrong one (`token_invalid`).
export const passwordResetTokenParams = z.object({ token: z.string().max(256).meta({ description: "The token from the reset link." }) });

export const passwordResetCompleteSchema = z.object({ password: newPasswordSchema });
export type PasswordResetCompleteInput = z.infer<typeof passwordResetCompleteSchema>;

export const passwordResetTokenStatusSchema = z
  .object({ expires_at: z.iso.datetime({ offset: true }) })
  .meta({ id: "PasswordResetTokenStatus" });
export type PasswordResetTokenStatus = z.infer<typeof passwordResetTokenStatusSchema>;

/** The reset page's form: the body's rule plus a confirmation that must match. */
export const passwordResetFormSchema = passwordResetCompleteSchema
  .extend({ confirm: z.string().min(1, "Enter the new password again.") })
  .refine((values) => values.password === values.confirm, { path: ["confirm"], message: "The passwords don't match." });
export type PasswordResetFormInput = z.infer<typeof passwordResetFormSchema>;

/** "1 hour", "90 minutes": a link's lifetime as the mail and the pages state it. */
export function lifetimeText(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? "1 hour" : `${seconds / 3600} hours`;
  const minutes = Math.max(1, Math.round(seconds / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
