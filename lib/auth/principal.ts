import "server-only";
import type { User } from "@/lib/generated/prisma/client";
import { findLiveSession } from "@/lib/sessions/lookup";
import type { AccountDetails } from "@/lib/users/memberships";
import { errors } from "@/lib/api/errors";
import type { TwoFactorStanding } from "@/lib/users/permissions";
import { findLiveKey } from "@/lib/personal-api-keys/lookup";
import { looksLikeKeyValue } from "@/lib/personal-api-keys/secret";
import { isScope, type Scope } from "./scopes";
import { readSessionClaims } from "./session-cookie";

export type AuthUser = Omit<User, "passwordHash">;

/** A user row as read for authentication: with its password hash, and whether it has an authenticator. */
export type AccountRow = User & { twoFactorEnabled?: boolean; totpDevice?: { userId: number } | null };

export interface Account {
  user: AuthUser;
  hasPassword: boolean;
  twoFactorEnabled: boolean;
}

/** Keeps only whether a password exists; the hash itself never leaves this function. */
export function withoutPasswordHash(row: AccountRow): Account {
  const { passwordHash, twoFactorEnabled, totpDevice, ...user } = row;
  return { user, hasPassword: passwordHash !== null, twoFactorEnabled: twoFactorEnabled ?? Boolean(totpDevice) };
}

/** Add to a user query so `withoutPasswordHash` can tell whether two-factor is on. */
export const WITH_TWO_FACTOR = { totpDevice: { select: { userId: true } } } as const;

/** The cookie session a request runs in: its row id, when it last authenticated, and where from (for notices). */
export interface SessionFacts {
  id: string;
  authenticatedAt: Date;
  /** "Chrome on macOS", as the devices list shows it. */
  device: string;
  ip: string | null;
}

export interface Principal extends Account {
  method: "session" | "personal_api_key";
  scopes: readonly Scope[] | "*";
  /** The personal API key that authenticated the request; null for cookie sessions. */
  apiKeyId: string | null;
  /** Present for cookie sessions: when the person last proved who they are. */
  session: SessionFacts | null;
  /** The current organization enforces two-factor (see `mustSetUpTwoFactor`); read with the session. */
  currentOrganizationEnforces2fa: boolean;
  /** The caller's memberships and scene choices, read with the session when the route shows them (`AuthOptions`). */
  details?: AccountDetails;
}

export interface AuthOptions {
  /** Read the caller's memberships and scene choices in the same statement as the session. */
  withDetails?: boolean;
}

/** What the enforced two-factor rule (`mayProceedWithoutTwoFactor`) reads of a caller. */
export function twoFactorStandingOf(principal: Principal): TwoFactorStanding {
  return { via: principal.method, twoFactorEnabled: principal.twoFactorEnabled, currentOrganizationEnforces2fa: principal.currentOrganizationEnforces2fa };
}

/**
 * The user behind a session cookie, re-read from the database on every request: a revoked,
 * idle or expired session row or a deactivated account ends the session here.
 */
export async function principalFromCookies(cookieHeader: string | null, { withDetails = false }: AuthOptions = {}): Promise<Principal | null> {
  const claims = await readSessionClaims(cookieHeader);
  if (!claims) return null;
  const live = await findLiveSession(claims.sessionId, claims.userUuid, { withDetails });
  if (!live) return null;
  return {
    ...withoutPasswordHash(live.user),
    method: "session",
    scopes: "*",
    apiKeyId: null,
    session: live.session,
    currentOrganizationEnforces2fa: live.currentOrganizationEnforces2fa,
    ...(live.details ? { details: live.details } : {}),
  };
}

/**
 * The user behind a personal API key, re-read on every request (one statement, like the cookie
 * path): a deleted or rolled key, or a deactivated account, fails here. The value itself is
 * never logged or kept.
 */
async function principalFromBearer(token: string): Promise<Principal | null> {
  if (!looksLikeKeyValue(token)) return null;
  const live = await findLiveKey(token);
  if (!live) return null;
  const scopes: readonly Scope[] | "*" = live.scopes.includes("*") ? "*" : live.scopes.filter((scope): scope is Scope => isScope(scope));
  return {
    ...withoutPasswordHash(live.user),
    method: "personal_api_key",
    scopes,
    apiKeyId: live.apiKeyId,
    session: null,
    currentOrganizationEnforces2fa: live.currentOrganizationEnforces2fa,
  };
}

export async function authenticate(request: Request, options: AuthOptions = {}): Promise<Principal | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw errors.authenticationFailed("Malformed Authorization header; expected \"Bearer <personal API key>\".");
    const principal = await principalFromBearer(match[1]);
    if (!principal) throw errors.authenticationFailed("Invalid personal API key.");
    return principal;
  }
  return principalFromCookies(request.headers.get("cookie"), options);
}
