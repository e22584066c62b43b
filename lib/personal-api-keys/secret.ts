import "server-only";
import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/** Every personal API key starts with this, as the reference's do. */
export const KEY_PREFIX = "phx_";

// The HMAC key is derived from NEXTAUTH_SECRET with its own info string, so it is never the
// cookie-encryption key; rotating NEXTAUTH_SECRET invalidates every personal API key.
const HKDF_INFO = "accounts personal API key hash v1";
const cached = { secret: "", key: Buffer.alloc(0) };

function hmacKey(): Buffer {
  const secret = env.authSecret;
  if (cached.secret !== secret) {
    cached.key = Buffer.from(hkdfSync("sha256", secret, "", HKDF_INFO, 32));
    cached.secret = secret;
  }
  return cached.key;
}

/** A new key's value: the prefix and 256 random bits in base64url (43 characters). */
export function generateKeyValue(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

/** What is stored and looked up: HMAC-SHA256 (hex) of the whole value. */
export function hashKeyValue(value: string): string {
  return createHmac("sha256", hmacKey()).update(value).digest("hex");
}

/** "phx_…AbCd": recognisable in a list, useless as a credential. */
export function maskKeyValue(value: string): string {
  return `${KEY_PREFIX}…${value.slice(-4)}`;
}

/** A bearer value that could be one of ours; anything else is refused without a query. */
export function looksLikeKeyValue(value: string): boolean {
  return value.startsWith(KEY_PREFIX) && value.length >= KEY_PREFIX.length + 22 && value.length <= 200;
}
