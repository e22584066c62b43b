import "server-only";
import { createSecretKey, hkdfSync, type KeyObject } from "node:crypto";
import { jwtDecrypt } from "jose";
import { encode, type JWT } from "next-auth/jwt";
import { env } from "@/lib/env";

export function sessionCookieName(): string {
  return env.secureCookies ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * A `Set-Cookie` for a session the app renewed itself, exactly as next-auth sets its own at
 * sign-in (same name, HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS), living until the
 * session's absolute end.
 */
export async function renewedSessionCookie(user: { uuid: string; email: string }, session: { id: string; createdAt: Date }): Promise<string> {
  const maxAge = Math.max(0, Math.floor((session.createdAt.getTime() + env.sessionAbsoluteMaxAge * 1000 - Date.now()) / 1000));
  const token = await encode({ token: { sub: user.uuid, email: user.email, sid: session.id }, secret: env.authSecret, maxAge });
  const expires = new Date(Date.now() + maxAge * 1000).toUTCString();
  return `${sessionCookieName()}=${token}; Path=/; Expires=${expires}; HttpOnly; SameSite=Lax${env.secureCookies ? "; Secure" : ""}`;
}

/** Claims we put in the next-auth JWT at sign-in; nothing else in the token is trusted. */
export interface SessionClaims {
  userUuid: string;
  /** The session row: revoking it ends the session, whatever the token says. */
  sessionId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function claimsFromToken(token: JWT | null): SessionClaims | null {
  if (!token) return null;
  const { sub, sid } = token as JWT & { sid?: unknown };
  if (typeof sub !== "string" || typeof sid !== "string" || !UUID.test(sub) || !UUID.test(sid)) return null;
  return { userUuid: sub, sessionId: sid };
}

function readCookie(cookieHeader: string, name: string): string | null {
  // next-auth splits large tokens into `<name>.0`, `<name>.1`, ...
  const jar = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    jar.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  const whole = jar.get(name);
  if (whole) return decodeURIComponent(whole);
  const chunks: string[] = [];
  for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`) ?? "");
  return chunks.length > 0 ? decodeURIComponent(chunks.join("")) : null;
}

// next-auth 4's `decode` re-derives this key with HKDF on every call; it depends on the secret alone.
let derived: { secret: string; key: KeyObject } | null = null;

/** The key next-auth encrypts session tokens with (`getDerivedEncryptionKey` with no salt), derived once per secret. */
function encryptionKey(secret: string): KeyObject {
  if (derived?.secret !== secret) {
    const bytes = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    derived = { secret, key: createSecretKey(bytes) };
  }
  return derived.key;
}

/** next-auth's `decode`: a `dir`/`A256GCM` JWE, `exp` checked with its 15 seconds of tolerance. */
async function decodeSessionToken(token: string, secret: string): Promise<JWT> {
  const { payload } = await jwtDecrypt(token, encryptionKey(secret), {
    clockTolerance: 15,
    keyManagementAlgorithms: ["dir"],
    contentEncryptionAlgorithms: ["A256GCM"],
  });
  return payload as JWT;
}

export async function readSessionClaims(cookieHeader: string | null): Promise<SessionClaims | null> {
  if (!cookieHeader) return null;
  try {
    // Inside the try: a malformed percent-escape in the cookie makes decodeURIComponent throw.
    const raw = readCookie(cookieHeader, sessionCookieName());
    if (!raw) return null;
    return claimsFromToken(await decodeSessionToken(raw, env.authSecret));
  } catch {
    return null;
  }
}
