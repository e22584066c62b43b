import { z } from "zod";

/** As the mailed link carries them. Any string is accepted as `uuid`: an unknown or malformed one answers like a wrong token. */
export const verifyEmailBodySchema = z.object({
  uuid: z.string().max(100).meta({ description: "The uuid of the user the link was mailed to." }),
  token: z.string().min(1, "The link has no token.").max(200).meta({ description: "The token from the mailed link." }),
});
export type VerifyEmailBody = z.infer<typeof verifyEmailBodySchema>;

export const requestEmailVerificationBodySchema = z.object({
  uuid: z.string().max(100).meta({ description: "The user to send a new verification link to." }),
});

export const emailSuccessSchema = z.object({ success: z.literal(true) }).meta({ id: "EmailSuccess" });

export { emailChangeFormSchema, type EmailChangeForm } from "./form-schema";

export { VERIFY_EMAIL_ERROR_CODES } from "./verify-codes";
