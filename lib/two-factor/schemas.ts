import { z } from "zod";

/** A code as people and clients send it: "123456", "123 456", or the number 123456 (the reference reads it as an integer). */
const codeInput = (description: string) =>
  z.preprocess(
    (value) => (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 999_999 ? String(value).padStart(6, "0") : value),
    z.string().max(64).meta({ description }),
  );

export const validateBodySchema = z.object({
  token: codeInput("The 6-digit code the authenticator shows for the pending secret."),
});

export const disableBodySchema = z.object({
  token: codeInput("A current 6-digit authenticator code, or an unused backup code."),
});

export const setupStartSchema = z
  .object({
    success: z.literal(true),
    secret: z.string().meta({ description: "Base32, 32 characters (160 bits), for typing into an authenticator." }),
    otpauth_uri: z.string().meta({ description: "`otpauth://totp/…` with the product's name as issuer." }),
    qr_code_svg: z.string().meta({ description: "The URI as a QR code, an SVG document made on the server." }),
    expires_at: z.iso.datetime({ offset: true }).meta({ description: "When the pending secret stops accepting its first code." }),
  })
  .meta({ id: "TwoFactorSetup" });

export const backupCodesSchema = z
  .object({ backup_codes: z.array(z.string()).length(10).meta({ description: "Ten single-use codes, shown only this once." }) })
  .meta({ id: "TwoFactorBackupCodes" });

export const validateResultSchema = z
  .object({ success: z.literal(true), backup_codes: backupCodesSchema.shape.backup_codes })
  .meta({ id: "TwoFactorEnabled" });

export const twoFactorStatusSchema = z
  .object({
    is_enabled: z.boolean(),
    method: z.enum(["TOTP"]).nullable(),
    backup_codes_remaining: z.number().int().min(0),
  })
  .meta({ id: "TwoFactorStatus" });

export const successSchema = z.object({ success: z.literal(true) }).meta({ id: "Success" });
