import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { ApiError, errors } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { clientKey, hashed, limiter, rateRules, spend } from "@/lib/rate-limit";

/** Its message is the `?error=` code next-auth passes to the sign-in page. */
class SigninThrottled extends Error {
  constructor() {
    super("throttled");
  }
}

// next-auth turns a refusal into its own response; this carries the wait out to the route handler.
const refusal = new AsyncLocalStorage<{ retryAfterSeconds?: number }>();

/**
 * Runs next-auth's handler. A sign-in the throttle refused gets `Retry-After`; when next-auth
 * answers in JSON (`json=true`, as its `signIn()` does) it becomes a 429 in the error envelope,
 * keeping next-auth's `url` for its client. A form post stays a redirect.
 */
export async function withThrottleResponse(handle: () => Promise<Response>): Promise<Response> {
  const noted: { retryAfterSeconds?: number } = {};
  const response = await refusal.run(noted, handle);
  if (noted.retryAfterSeconds === undefined) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", String(noted.retryAfterSeconds));
  if (!(headers.get("content-type")?.startsWith("application/json") ?? false)) {
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  const nextAuthBody = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const body = { ...errors.throttled(noted.retryAfterSeconds).toBody(), url: nextAuthBody.url };
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: 429, statusText: "Too Many Requests", headers });
}

export interface SigninAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

const FIRST_DELAY_MS = 250;

/** No delay below the per-email budget; past it 250 ms, doubling with each failure, up to the cap. */
function delayAfterFailures(failures: number): number {
  const over = failures - rateRules.signin_per_email().limit;
  if (over < 0) return 0;
  return Math.min(env.signinMaxDelayMs, FIRST_DELAY_MS * 2 ** Math.min(over, 30));
}

async function reserve(name: "signin_per_email_and_client" | "signin_per_client", key: string): Promise<void> {
  await asSigninRefusal(name, () => spend(name, key));
}

/** Runs a step of sign-in; a 429 from it becomes next-auth's `throttled`, its wait noted for `Retry-After`. */
export async function asSigninRefusal<T>(budget: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) {
      log.warn("auth.signin_throttled", { budget });
      const retryAfterSeconds = Number(error.extra.headers?.["Retry-After"] ?? 1);
      const noted = refusal.getStore();
      if (noted) noted.retryAfterSeconds = retryAfterSeconds;
      throw new SigninThrottled();
    }
    throw error;
  }
}

/**
 * Before a password is checked: a client that has failed too often on this email, or on any
 * emails, is refused (`SigninThrottled`); an email failing from many clients only slows down.
 * Points are reserved up front so parallel guesses cannot slip past the budget; the returned
 * attempt settles them once the password has been checked.
 */
export async function beginSigninAttempt(email: string, headers: Headers): Promise<SigninAttempt> {
  const client = clientKey(headers);
  const emailKey = hashed(email);
  const pairKey = `${emailKey}:${client}`;

  await reserve("signin_per_email_and_client", pairKey);
  try {
    await reserve("signin_per_client", client);
  } catch (error) {
    // Only failures count: an attempt refused here was not one.
    await limiter("signin_per_email_and_client").reward(pairKey);
    throw error;
  }

  // Slow whatever the outcome: a delay on failures only would tell a guesser to give up waiting.
  const failuresOnEmail = (await limiter("signin_per_email").get(emailKey))?.consumedPoints ?? 0;
  const delay = delayAfterFailures(failuresOnEmail);
  if (delay > 0) await sleep(delay);

  return {
    async succeeded() {
      // The per-client point is handed back rather than its counter reset: one account of the
      // attacker's own must not wash away the failures it spent on other people's.
      await Promise.all([limiter("signin_per_email_and_client").delete(pairKey), limiter("signin_per_client").reward(client)]);
    },
    async failed() {
      await limiter("signin_per_email").penalty(emailKey);
    },
  };
}

/**
 * A passkey sign-in names no email up front: only the per-client budget applies. Its point is
 * reserved before the signature is checked and handed back when it verifies.
 */
export async function beginPasskeySigninAttempt(headers: Headers): Promise<SigninAttempt> {
  const client = clientKey(headers);
  await reserve("signin_per_client", client);
  return {
    async succeeded() {
      await limiter("signin_per_client").reward(client);
    },
    async failed() {},
  };
}

/** The sign-in budgets for an API route (re-authentication): a refusal becomes 429 with `Retry-After`. */
export async function asApiThrottle<T>(step: () => Promise<T>): Promise<T> {
  const noted: { retryAfterSeconds?: number } = {};
  try {
    return await refusal.run(noted, step);
  } catch (error) {
    if (error instanceof SigninThrottled) throw errors.throttled(noted.retryAfterSeconds ?? 1);
    throw error;
  }
}
