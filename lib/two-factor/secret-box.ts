import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealed {
  /** base64url of iv ‖ tag ‖ ciphertext. */
  encrypted: string;
  keyId: string;
}

/** AES-256-GCM under the current key; the key id travels with it so old keys can still open it. */
export function seal(plaintext: string, aad: string): Sealed {
  const [current] = env.twoFactorKeys;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", current!.key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { encrypted: Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url"), keyId: current!.id };
}

/** Opens what `seal` made with the same `aad` (the owner's id: a secret copied to another row fails). */
export function open({ encrypted, keyId }: Sealed, aad: string): string {
  const key = env.twoFactorKeys.find((candidate) => candidate.id === keyId);
  if (!key) throw new Error(`two-factor key "${keyId}" is not configured`);
  const bytes = Buffer.from(encrypted, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key.key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}
