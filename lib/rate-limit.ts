import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { errors } from "@/lib/api/errors";
import type { Principal } from "@/lib/auth/principal";

export interface RateRule {
  limit: number;
  windowSeconds: number;
}

/** Budgets, each overridable by RATE_LIMIT_<NAME>_LIMIT and RATE_LIMIT_<NAME>_WINDOW_SECONDS. */
export const rateRules = {
  signin: () => env.rateLimit("signin", { limit: 10, windowSeconds: 15 * 60 }),
  signup: () => env.rateLimit("signup", { limit: 50, windowSeconds: 60 * 60 }),
};

/**
 * Fixed-window counter in the database, so every app instance shares it. One atomic upsert per
 * call; returns how long to wait when the budget is spent.
 */
export async function consume(key: string, rule: RateRule): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const windowMs = rule.windowSeconds * 1000;
  const now = Date.now();
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const expiresAt = new Date(windowStart.getTime() + windowMs);
  const rows = await db().$queryRaw<Array<{ count: number }>>`
    INSERT INTO rate_limit_buckets ("key", "windowStart", "count", "expiresAt")
    VALUES (${key}, ${windowStart}, 1, ${expiresAt})
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = rate_limit_buckets."count" + 1
    RETURNING "count"`;
  if (Math.random() < 0.01) {
    await db().rateLimitBucket.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  }
  const count = Number(rows[0]?.count ?? 0);
  return { allowed: count <= rule.limit, retryAfterSeconds: Math.ceil((expiresAt.getTime() - now) / 1000) };
}

export async function enforce(key: string, rule: RateRule): Promise<void> {
  const { allowed, retryAfterSeconds } = await consume(key, rule);
  if (!allowed) throw errors.throttled(retryAfterSeconds);
}

interface Budget {
  rule: () => RateRule;
  key: (request: Request, principal: Principal | null) => string;
}

/** Budgets a route declaration can name in `rateLimit`, each with what it counts per. */
const budgets = {
  // Per client address; all together when the address is unknown (no trusted proxy).
  signup: { rule: rateRules.signup, key: (request: Request) => `signup:${clientIp(request.headers) ?? "any"}` },
} satisfies Record<string, Budget>;

export type RateLimitName = keyof typeof budgets;

/** Spends one unit of the named budget for this request, or throws 429 with `Retry-After`. */
export async function applyRateLimit(name: RateLimitName, request: Request, principal: Principal | null): Promise<void> {
  const budget: Budget = budgets[name];
  await enforce(budget.key(request, principal), budget.rule());
}

/** The client address, but only from a proxy we were told to trust (a client can forge these headers). */
export function clientIp(headers: Headers): string | null {
  if (!env.trustProxy) return null;
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}
