export type CodeKind = "totp" | "backup";

export const TOTP_LENGTH = 6;
const BACKUP_CODE_MAX_LENGTH = 16;

/** Keeps what a code can hold: pasted "123 456" or "123-456" becomes "123456". */
export function cleanCode(kind: CodeKind, raw: string): string {
  if (kind === "totp") return raw.replace(/\D/g, "").slice(0, TOTP_LENGTH);
  return raw.replace(/[^a-zA-Z0-9\s-]/g, "").slice(0, BACKUP_CODE_MAX_LENGTH);
}

/** "ABCD EFGH …": easier to type from than 32 characters in a row. Copying uses the secret itself. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

export function backupCodesFileName(appName: string): string {
  const slug = appName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `${slug || "account"}-backup-codes.txt`;
}

/** The downloaded file: whose codes they are, from when, that each works once, then one code a line. */
export function backupCodesText(codes: readonly string[], email: string, appName: string, when: Date): string {
  return [
    `${appName} backup codes`,
    `Account: ${email}`,
    `Generated: ${when.toISOString().slice(0, 10)}`,
    "",
    "Each code works once. Use one to sign in when you can't use your authenticator app.",
    "Keep them somewhere safe, such as a password manager.",
    "",
    ...codes,
    "",
  ].join("\n");
}
