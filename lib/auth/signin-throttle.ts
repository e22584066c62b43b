import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { clientKey, hashed, limiter, rateRules, spend } from "@/lib/rate-limit";

export class SigninThrottled extends Error {
  constructor(readonly budget: string, readonly retryAfterSeconds: number) {
    super("throttled");
  }
}

export interface SigninAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

const FIRST_DELAY_MS = 250;

/** No delay below the per-email budget; past it 250 ms, doubling with each failure, up to the cap. */
export function delayAfterFailures(failures: number): number {
  const over = failures - rateRules.signin_per_email().limit;
  if (over < 0) return 0;
  return Math.min(env.signinMaxDelayMs, FIRST_DELAY_MS * 2 ** Math.min(over, 30));
}

async function reserve(name: "signin_per_email_and_client" | "signin_per_client", key: string): Promise<void> {
  try {
    await spend(name, key);
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) {
      log.warn("auth.signin_throttled", { budget: name });
      throw new SigninThrottled(name, Number(error.extra.headers?.["Retry-After"] ?? 1));
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
