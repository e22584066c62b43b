import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { createPrismaClient, type AppPrismaClient } from "@/lib/db/create-client";
import { resolveDatabaseTarget } from "@/lib/db/connection";
import { installAppDb } from "../support/app-db";
import { consume, enforce, type RateRule } from "@/lib/rate-limit";

// A window far longer than the test, so it cannot roll over midway.
const rule: RateRule = { limit: 3, windowSeconds: 30 * 24 * 60 * 60 };

/** Two app instances: separate Prisma clients (separate pools) on the same database. */
const instances: Array<{ client: AppPrismaClient; close: () => Promise<void> }> = [];
let restore: (() => void) | undefined;

beforeAll(() => {
  instances.push(createPrismaClient(resolveDatabaseTarget()), createPrismaClient(resolveDatabaseTarget()));
});

afterEach(() => {
  restore?.();
  restore = undefined;
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.close()));
});

function onInstance(index: number): void {
  restore?.();
  restore = installAppDb(instances[index]!.client);
}

describe("rate limits in the database", () => {
  it("share one budget across app instances; the (limit+1)th call is refused", async () => {
    const key = `test:${randomUUID()}`;
    const results = [];
    for (const index of [0, 1, 0]) {
      onInstance(index);
      results.push(await consume(key, rule));
    }
    expect(results.map((result) => result.allowed)).toEqual([true, true, true]);

    onInstance(1);
    const refused = await consume(key, rule);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(rule.windowSeconds);
  });

  it("count concurrent calls exactly (atomic upsert)", async () => {
    const key = `test:${randomUUID()}`;
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => {
        onInstance(i % 2);
        return consume(key, rule);
      }),
    );
    expect(outcomes.filter((outcome) => outcome.allowed)).toHaveLength(rule.limit);
  });

  it("keep different keys apart", async () => {
    const [a, b] = [`test:${randomUUID()}`, `test:${randomUUID()}`];
    for (let i = 0; i < rule.limit; i++) await consume(a, rule);
    expect((await consume(a, rule)).allowed).toBe(false);
    expect((await consume(b, rule)).allowed).toBe(true);
  });

  it("enforce throws a 429 ApiError with Retry-After once the budget is spent", async () => {
    const key = `test:${randomUUID()}`;
    const tight: RateRule = { limit: 1, windowSeconds: rule.windowSeconds };
    await expect(enforce(key, tight)).resolves.toBeUndefined();
    const error = await enforce(key, tight).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError).toMatchObject({ status: 429, type: "throttled_error", code: "throttled" });
    expect(Number(apiError.extra.headers?.["Retry-After"])).toBeGreaterThan(0);
  });
});
