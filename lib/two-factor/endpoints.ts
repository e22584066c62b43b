import "server-only";
import { endpoint } from "@/lib/api/route";
import {
  backupCodesSchema,
  disableBodySchema,
  setupStartSchema,
  successSchema,
  twoFactorStatusSchema,
  validateBodySchema,
  validateResultSchema,
} from "./schemas";
import { confirmSetup, disableTwoFactor, regenerateBackupCodes, startSetup, twoFactorStatus } from "./service";

/*
 * The two-factor routes, each declared once: the reference's aliases (`start_2fa_setup` /
 * `two_factor_start_setup`, `validate_2fa` / `two_factor_validate`) are the same declaration
 * under two operation ids. All are session-only, self-only and sensitive. All but disable stay open
 * while an organization's enforced two-factor is not set up yet: they are the way out of it.
 */
const common = { auth: "session", subject: "uuid", sensitive: true } as const;
const wayOut = { ...common, allowedDuringTwoFactorSetup: true } as const;
const selfOnly = "Session only, for the caller alone (`@me` or their own uuid): staff cannot act on another user's two-factor here.";

export const startSetupEndpoint = (operationId: string) =>
  endpoint({
    ...wayOut,
    operationId,
    summary: "Start two-factor setup",
    description: `A fresh secret (160 bits, base32), its otpauth:// URI and a QR code made on the server. Nothing is enabled until \`two_factor_validate\` gets a right code within the pending secret's lifetime (10 minutes by default); calling again replaces the pending secret. 400 \`2fa_already_enabled\` when two-factor is on. ${selfOnly}`,
    scope: "user:write",
    response: setupStartSchema,
    handler: ({ subject }) => startSetup(subject),
  });

export const validateEndpoint = (operationId: string) =>
  endpoint({
    ...wayOut,
    operationId,
    summary: "Confirm the authenticator and turn two-factor on",
    description: `A right code for the pending secret enables TOTP, returns ten backup codes (once), and signs out every other session. 400 \`token_invalid\` for a wrong code, \`setup_expired\` without a live pending setup; wrong codes are throttled per user (429). ${selfOnly}`,
    scope: "user:write",
    body: validateBodySchema,
    response: validateResultSchema,
    errors: { 429: "Too many wrong codes for this user; try again after `Retry-After` seconds." },
    handler: ({ principal, subject, body }) => confirmSetup(principal, subject, body.token),
  });

export const statusEndpoint = endpoint({
  ...wayOut,
  operationId: "users_two_factor_status_retrieve",
  summary: "Two-factor status",
  description: `Whether two-factor is on, its method and how many backup codes are unused; never a code or a secret. ${selfOnly}`,
  scope: "user:read",
  response: twoFactorStatusSchema,
  handler: ({ subject }) => twoFactorStatus(subject),
});

export const backupCodesEndpoint = endpoint({
  ...wayOut,
  operationId: "users_two_factor_backup_codes_create",
  summary: "Generate new backup codes",
  description: `Ten new single-use codes, returned only this once; every earlier code stops working. 400 \`2fa_not_enabled\` when two-factor is off. ${selfOnly}`,
  scope: "user:write",
  response: backupCodesSchema,
  handler: ({ subject }) => regenerateBackupCodes(subject),
});

export const disableEndpoint = endpoint({
  ...common,
  operationId: "users_two_factor_disable_create",
  summary: "Turn two-factor off",
  description: `Stricter than the reference on purpose: the body must carry a current authenticator code or an unused backup code (the session alone is not enough). Removes the authenticator and every backup code and signs out every other session. 400 \`token_invalid\` for a wrong code, \`2fa_not_enabled\` when it is off; wrong codes are throttled per user (429). ${selfOnly}`,
  scope: "user:write",
  body: disableBodySchema,
  response: successSchema,
  errors: { 429: "Too many wrong codes for this user; try again after `Retry-After` seconds." },
  handler: ({ principal, subject, body }) => disableTwoFactor(principal, subject, body.token),
});
