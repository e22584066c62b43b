import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { overrideEnvForTests } from "@/lib/env";
import { fromClient, newClientAddress } from "../support/clients";
import { TEST_PASSWORD, createTestUser } from "../support/users";

const restores: (() => void)[] = [];

afterEach(() => {
  for (const restore of restores.splice(0).reverse()) restore();
});

function budgets(vars: Record<string, string | undefined>): void {
  restores.push(overrideEnvForTests({ TRUST_PROXY: undefined, ...vars }));
}

/** One sign-in attempt from `address`: the user's id, `null` (refused), or "throttled". */
async function attempt(email: string, password: string, address: string, extraHeaders: Record<string, string> = {}) {
  try {
    const user = await authorizeCredentials({ email, password }, new Headers(fromClient(address, extraHeaders)));
    return user?.id ?? null;
  } catch (error) {
    if (error instanceof Error && error.message === "throttled") return "throttled";
    throw error;
  }
}

const wrong = (n: number) => `wrong-guess-${n}`;
const nobody = () => `nobody-${randomUUID()}@test.local`;

describe("sign-in throttling", () => {
  it("refuses a client that keeps failing on an email, even with the right password, while the owner elsewhere signs in", async () => {
    budgets({ RATE_LIMIT_SIGNIN_PER_EMAIL_AND_CLIENT_LIMIT: "3" });
    const user = await createTestUser();
    const [attacker, owner] = [newClientAddress(), newClientAddress()];
    for (let n = 0; n < 3; n++) expect(await attempt(user.email, wrong(n), attacker)).toBeNull();
    expect(await attempt(user.email, TEST_PASSWORD, attacker)).toBe("throttled");
    expect(await attempt(user.email, TEST_PASSWORD, owner)).toBe(user.uuid);
  });

  it("only slows an email failing from many clients, never refusing the right password from a client that has not failed", async () => {
    budgets({ RATE_LIMIT_SIGNIN_PER_EMAIL_LIMIT: "2", SIGNIN_MAX_DELAY_MS: "600" });
    const user = await createTestUser();
    for (let n = 0; n < 5; n++) expect(await attempt(user.email, wrong(n), newClientAddress())).toBeNull();
    const started = performance.now();
    expect(await attempt(user.email, TEST_PASSWORD, newClientAddress())).toBe(user.uuid);
    expect(performance.now() - started).toBeGreaterThanOrEqual(590);
  });

  it("does not slow an email below its budget", async () => {
    budgets({ RATE_LIMIT_SIGNIN_PER_EMAIL_LIMIT: "5", SIGNIN_MAX_DELAY_MS: "3000" });
    const user = await createTestUser();
    for (let n = 0; n < 4; n++) expect(await attempt(user.email, wrong(n), newClientAddress())).toBeNull();
    const started = performance.now();
    expect(await attempt(user.email, TEST_PASSWORD, newClientAddress())).toBe(user.uuid);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("resets a client's failures on an email when it signs in", async () => {
    budgets({ RATE_LIMIT_SIGNIN_PER_EMAIL_AND_CLIENT_LIMIT: "3" });
    const user = await createTestUser();
    const client = newClientAddress();
    for (let round = 0; round < 3; round++) {
      for (let n = 0; n < 2; n++) expect(await attempt(user.email, wrong(n), client)).toBeNull();
      expect(await attempt(user.email, TEST_PASSWORD, client)).toBe(user.uuid);
    }
  });

  it("limits a client's failures across all emails (credential stuffing); successes do not count", async () => {
    budgets({ RATE_LIMIT_SIGNIN_PER_CLIENT_LIMIT: "3" });
    const user = await createTestUser();
    const [client, other] = [newClientAddress(), newClientAddress()];
    for (let n = 0; n < 5; n++) expect(await attempt(user.email, TEST_PASSWORD, client)).toBe(user.uuid);
    for (let n = 0; n < 3; n++) expect(await attempt(nobody(), wrong(n), client)).toBeNull();
    expect(await attempt(nobody(), wrong(9), client)).toBe("throttled");
    expect(await attempt(user.email, TEST_PASSWORD, client)).toBe("throttled");
    expect(await attempt(user.email, TEST_PASSWORD, other)).toBe(user.uuid);
  });

  it("does not let a success wash away a client's failures on other emails", async () => {
    budgets({ RATE_LIMIT_SIGNIN_PER_CLIENT_LIMIT: "3" });
    const own = await createTestUser();
    const client = newClientAddress();
    for (let n = 0; n < 2; n++) expect(await attempt(nobody(), wrong(n), client)).toBeNull();
    expect(await attempt(own.email, TEST_PASSWORD, client)).toBe(own.uuid);
    expect(await attempt(nobody(), wrong(3), client)).toBeNull();
    expect(await attempt(nobody(), wrong(4), client)).toBe("throttled");
  });

  it("lets no parallel burst of guesses past a budget", async () => {
    budgets({ RATE_LIMIT_SIGNIN_PER_EMAIL_AND_CLIENT_LIMIT: "3" });
    const user = await createTestUser();
    const client = newClientAddress();
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, n) => attempt(user.email, wrong(n), client)));
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome === "throttled")).toHaveLength(5);
  });

  it("ignores a client-sent X-Forwarded-For unless told to trust a proxy, then takes the proxy's last entry", async () => {
    budgets({ RATE_LIMIT_SIGNIN_PER_EMAIL_AND_CLIENT_LIMIT: "2" });
    const user = await createTestUser();
    const attacker = newClientAddress();
    for (let n = 0; n < 2; n++) {
      expect(await attempt(user.email, wrong(n), attacker, { "x-forwarded-for": `203.0.113.${n}`, "x-real-ip": `198.51.100.${n}` })).toBeNull();
    }
    expect(await attempt(user.email, TEST_PASSWORD, attacker, { "x-forwarded-for": "192.0.2.77" })).toBe("throttled");

    budgets({ TRUST_PROXY: "true" });
    const proxy = "10.0.0.1";
    const [client, owner] = [newClientAddress(), newClientAddress()];
    for (let n = 0; n < 2; n++) expect(await attempt(user.email, wrong(n), proxy, { "x-forwarded-for": `192.0.2.${n}, ${client}` })).toBeNull();
    expect(await attempt(user.email, TEST_PASSWORD, proxy, { "x-forwarded-for": client })).toBe("throttled");
    expect(await attempt(user.email, TEST_PASSWORD, proxy, { "x-forwarded-for": `${client}, ${owner}` })).toBe(user.uuid);
  });
});
