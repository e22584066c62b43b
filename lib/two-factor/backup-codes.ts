import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

export const BACKUP_CODE_COUNT = 10;
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/** Ten codes of 8 base32 characters (40 random bits each), shown as `abcd-efgh`. */
export function newBackupCodes(): string[] {
  return Array.from({ length: BACKUP_CODE_COUNT }, () => {
    const bytes = randomBytes(8);
    const chars = [...bytes].map((byte) => ALPHABET[byte % 32]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

/** What a person types: any case, with or without the dash or spaces. */
export function normalisedBackupCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, "");
  return /^[a-z2-7]{8}$/.test(code) ? code : null;
}

function hashUnder(key: Buffer, userId: number, normalised: string): string {
  return createHmac("sha256", key).update(`backup-code:${userId}:${normalised}`).digest("hex");
}

/**
 * A keyed hash: fast enough to look a code up directly, useless without the server's key.
 * Bound to the user, so equal codes of two users never share a hash.
 */
export function backupCodeHash(userId: number, normalised: string): string {
  return hashUnder(env.twoFactorKeys[0]!.key, userId, normalised);
}

/** The code's hash under every configured key: codes made before a key rotation still work. */
export function backupCodeHashes(userId: number, normalised: string): string[] {
  return env.twoFactorKeys.map(({ key }) => hashUnder(key, userId, normalised));
}
