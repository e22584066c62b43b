import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { errors } from "@/lib/api/errors";
import type { Principal } from "@/lib/auth/principal";
import { clientAddress } from "@/lib/client-address";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export interface RateRule {
  limit: number;
  windowSeconds: number;
}

const FIFTEEN_MINUTES = 15 * 60;

/** Every budget in the product, each overridable by RATE_LIMIT_<NAME>_LIMIT and RATE_LIMIT_<NAME>_WINDOW_SECONDS. */
export const rateRules = {
  signup: () => env.rateLimit("signup", { limit: 50, windowSeconds: 60 * 60 }),
  /** Failed sign-ins of one client on one email: past it, that client is refused for that email. */
  signin_per_email_and_client: () => env.rateLimit("signin_per_email_and_client", { limit: 10, windowSeconds: FIFTEEN_MINUTES }),
  /** Failed sign-ins of one client across all emails (credential stuffing). */
  signin_per_client: () => env.rateLimit("signin_per_client", { limit: 100, windowSeconds: FIFTEEN_MINUTES }),
  /** Failed sign-ins on one email from anywhere: past it, every attempt on that email is slowed, never refused. */
  signin_per_email: () => env.rateLimit("signin_per_email", { limit: 10, windowSeconds: FIFTEEN_MINUTES }),
  /** Wrong second-factor codes per user (the reference allows 6 per 20 minutes); holds for the right code too once spent. */
  two_factor: () => env.rateLimit("two_factor", { limit: 6, windowSeconds: 20 * 60 }),
  /** Forgot-password requests per email address, known or not (the reference allows 6 a day). */
  password_reset_per_email: () => env.rateLimit("password_reset_per_email", { limit: 6, windowSeconds: 24 * 60 * 60 }),
  /** Forgot-password requests and completions per client address, across addresses. */
  password_reset_per_client: () => env.rateLimit("password_reset_per_client", { limit: 30, windowSeconds: 60 * 60 }),
  /** Password-change attempts per user, right or wrong (the reference allows 5 a minute). */
  password_change: () => env.rateLimit("password_change", { limit: 5, windowSeconds: 60 }),
  /** Verification mails per user, from an email change or a resend (the reference allows 6 resends a day). */
  email_verification_mail: () => env.rateLimit("email_verification_mail", { limit: 6, windowSeconds: 24 * 60 * 60 }),
  /** Wrong verification tokens per user uuid; past it even the right link waits. */
  email_verification_attempt: () => env.rateLimit("email_verification_attempt", { limit: 10, windowSeconds: 60 * 60 }),
  /** Wrong current passwords on an email change, per user; past it even the right one waits. */
  email_change_password: () => env.rateLimit("email_change_password", { limit: 10, windowSeconds: FIFTEEN_MINUTES }),
  /** Repository refreshes per user (each reads every page of GitHub's list). */
  github_refresh: () => env.rateLimit("github_refresh", { limit: 10, windowSeconds: 60 }),
  /** Passkey challenges handed out: registration per user, sign-in per client address. */
  passkey_challenge: () => env.rateLimit("passkey_challenge", { limit: 30, windowSeconds: 5 * 60 }),
  /** The sign-in page's autofill challenge, one per visit, per client address. */
  passkey_autofill: () => env.rateLimit("passkey_autofill", { limit: 60, windowSeconds: 5 * 60 }),
} satisfies Record<string, () => RateRule>;

export type RateRuleName = keyof typeof rateRules;

// A getter rather than the client itself: the store then always uses the current `db()`.
const store = {
  get rateLimit() {
    return db().rateLimit;
  },
};

const limiters = new Map<string, RateLimiterPrisma>();

/** rate-limiter-flexible's fixed-window limiter in the database, so every app instance shares it. */
export function limiter(name: RateRuleName): RateLimiterPrisma {
  const { limit, windowSeconds } = rateRules[name]();
  const id = `${name}:${limit}:${windowSeconds}`;
  let found = limiters.get(id);
  if (!found) {
    found = new RateLimiterPrisma({ storeClient: store, tableName: "rateLimit", keyPrefix: name, points: limit, duration: windowSeconds });
    limiters.set(id, found);
  }
  return found;
}

/** Keys name people and addresses only by a hash, so the table holds no emails or IPs. */
export function hashed(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 32);
}

/** What per-client budgets count per: the address (an IPv6 client by its /64, which one host can fill), else one shared bucket. */
export function clientKey(headers: Headers): string {
  const address = clientAddress(headers);
  if (address === null) return "unknown";
  return hashed(address.includes(":") ? ipv6Slash64(address) : address);
}

function ipv6Slash64(address: string): string {
  const [head = "", tail] = address.split("::");
  const groups = head ? head.split(":") : [];
  if (tail !== undefined) {
    const tailGroups = tail ? tail.split(":") : [];
    const tailWidth = tailGroups.reduce((width, group) => width + (group.includes(".") ? 2 : 1), 0);
    groups.push(...Array<string>(8 - groups.length - tailWidth).fill("0"), ...tailGroups);
  }
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(":")}::/64`;
}

/** Spends one unit of `name` for `key`, or throws 429 with `Retry-After` when the budget is spent. */
export async function spend(name: RateRuleName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw errors.throttled(rejection.msBeforeNext / 1000);
    throw rejection;
  }
}

interface Budget {
  key: (request: Request, principal: Principal | null) => string;
}

/** Budgets a route declaration can name in `rateLimit` (each a rule above), with what it counts per. */
const budgets = {
  signup: { key: (request: Request) => clientKey(request.headers) },
  password_reset_per_client: { key: (request: Request) => clientKey(request.headers) },
  github_refresh: { key: (_request: Request, principal: Principal | null) => (principal ? `user:${principal.user.id}` : "anonymous") },
  passkey_challenge: { key: (request: Request, principal: Principal | null) => (principal ? `user:${principal.user.id}` : clientKey(request.headers)) },
  passkey_autofill: { key: (request: Request) => clientKey(request.headers) },
} satisfies { [name in RateRuleName]?: Budget };

export type RateLimitName = keyof typeof budgets;

/** Spends one unit of the named budget for this request, or throws 429 with `Retry-After`. */
export async function applyRateLimit(name: RateLimitName, request: Request, principal: Principal | null): Promise<void> {
  const budget: Budget = budgets[name];
  await spend(name, budget.key(request, principal));
}
