import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { createPrismaClient, type AppPrismaClient } from "@/lib/db/create-client";
import { resolveDatabaseTarget } from "@/lib/db/connection";
import { overrideEnvForTests } from "@/lib/env";
import { spend } from "@/lib/rate-limit";
import { installAppDb } from "../support/app-db";

const LIMIT = 3;

/** Two app instances: separate Prisma clients (separate pools) on the same database. */
const instances: Array<{ client: AppPrismaClient; close: () => Promise<void> }> = [];
const restores: (() => void)[] = [];

beforeAll(() => {
  instances.push(createPrismaClient(resolveDatabaseTarget()), createPrismaClient(resolveDatabaseTarget()));
});

beforeEach(() => {
  // A window far longer than the test, so it cannot roll over midway.
  restores.push(overrideEnvForTests({ RATE_LIMIT_SIGNUP_LIMIT: String(LIMIT), RATE_LIMIT_SIGNUP_WINDOW_SECONDS: String(30 * 24 * 60 * 60) }));
});

afterEach(() => {
  for (const restore of restores.splice(0).reverse()) restore();
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.close()));
});

function onInstance(index: number): void {
  restores.push(installAppDb(instances[index]!.client));
}

const outcome = (promise: Promise<void>) => promise.then(() => "spent", (error: unknown) => error);

describe("rate limits (rate-limiter-flexible's Prisma store)", () => {
  it("share one budget across app instances; the (limit+1)th call is refused with 429 and Retry-After", async () => {
    const key = randomUUID();
    for (const index of [0, 1, 0]) {
      onInstance(index);
      await expect(spend("signup", key)).resolves.toBeUndefined();
    }
    onInstance(1);
    const refused = await outcome(spend("signup", key));
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 429, type: "throttled_error", code: "throttled" });
    const retryAfter = Number((refused as ApiError).extra.headers?.["Retry-After"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30 * 24 * 60 * 60);
  });

  it("count concurrent calls exactly", async () => {
    const key = randomUUID();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => {
        onInstance(i % 2);
        return outcome(spend("signup", key));
      }),
    );
    expect(outcomes.filter((result) => result === "spent")).toHaveLength(LIMIT);
  });

  it("keep different keys and different budgets apart", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    for (let i = 0; i < LIMIT; i++) await spend("signup", a);
    await expect(spend("signup", a)).rejects.toBeInstanceOf(ApiError);
    await expect(spend("signup", b)).resolves.toBeUndefined();
    await expect(spend("signin_per_client", a)).resolves.toBeUndefined();
  });

  it("pick up a changed budget without losing what was spent", async () => {
    const key = randomUUID();
    for (let i = 0; i < LIMIT; i++) await spend("signup", key);
    restores.push(overrideEnvForTests({ RATE_LIMIT_SIGNUP_LIMIT: String(LIMIT + 1) }));
    await expect(spend("signup", key)).resolves.toBeUndefined();
    await expect(spend("signup", key)).rejects.toBeInstanceOf(ApiError);
  });
});
