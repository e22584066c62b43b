import "server-only";
import type { User } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { errors } from "@/lib/api/errors";
import type { Scope } from "./scopes";
import { readSessionClaims } from "./session-cookie";

export type AuthUser = Omit<User, "passwordHash">;

/** Keeps only whether a password exists; the hash itself never leaves this function. */
export function withoutPasswordHash(row: User): { user: AuthUser; hasPassword: boolean } {
  const { passwordHash, ...user } = row;
  return { user, hasPassword: passwordHash !== null };
}

export interface Principal {
  user: AuthUser;
  hasPassword: boolean;
  method: "session" | "personal_api_key";
  scopes: readonly Scope[] | "*";
  /** The personal API key that authenticated the request; null for cookie sessions. */
  apiKeyId: string | null;
  /** Present for cookie sessions: when the person last proved who they are. */
  session: { id: string; authenticatedAt: Date } | null;
}

/**
 * The user behind a session cookie, re-read from the database on every request: a bumped
 * session version, a deactivated account or an expired absolute lifetime ends the session here.
 */
export async function principalFromCookies(cookieHeader: string | null): Promise<Principal | null> {
  const claims = await readSessionClaims(cookieHeader);
  if (!claims) return null;
  const ageSeconds = (Date.now() - claims.authenticatedAt) / 1000;
  if (ageSeconds > env.sessionAbsoluteMaxAge) return null;
  const row = await db().user.findUnique({ where: { uuid: claims.userUuid }, omit: { passwordHash: false } });
  if (!row || !row.isActive || row.sessionVersion !== claims.sessionVersion) return null;
  const { user, hasPassword } = withoutPasswordHash(row);
  return {
    user,
    hasPassword,
    method: "session",
    scopes: "*",
    apiKeyId: null,
    session: { id: claims.sessionId, authenticatedAt: new Date(claims.authenticatedAt) },
  };
}

/**
 * Personal API keys arrive with their own issue; until then no bearer value is valid, and a
 * request that presents one is refused rather than silently treated as anonymous.
 */
async function principalFromBearer(_token: string): Promise<Principal | null> {
  return null;
}

export async function authenticate(request: Request): Promise<Principal | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw errors.authenticationFailed("Malformed Authorization header; expected \"Bearer <personal API key>\".");
    const principal = await principalFromBearer(match[1]);
    if (!principal) throw errors.authenticationFailed("Invalid personal API key.");
    return principal;
  }
  return principalFromCookies(request.headers.get("cookie"));
}
