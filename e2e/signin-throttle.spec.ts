import { randomUUID } from "node:crypto";
import { E2E_SIGNUP_LIMIT as SIGNUP_LIMIT } from "../playwright.config";
import { PASSWORD, expect, test } from "./support/fixtures";
import { LoopbackClient } from "./support/loopback-client";

// Each test connects from loopback addresses of its own (the server listens on 127.0.0.1; the rest
// of the suite signs in from there), so budgets spent here touch no other test. Budgets are the
// defaults: 10 failures per email and client, 100 per client; sign-up's is set in playwright.config.ts.

const nobody = () => `nobody-${randomUUID()}@example.test`;

test("the owner signs in from another address while someone hammers the account with wrong passwords", async ({ account }) => {
  const attacker = new LoopbackClient("127.0.0.2");
  for (let n = 0; n < 10; n++) expect(await attacker.signIn(account.email, `wrong-guess-${n}`)).toBe("CredentialsSignin");
  expect(await attacker.signIn(account.email, "wrong-guess-again")).toBe("throttled");
  expect(await attacker.signIn(account.email, account.password)).toBe("throttled");
  expect(attacker.lastSignIn?.status).toBe(429);
  expect(Number(attacker.lastSignIn?.headers["retry-after"])).toBeGreaterThan(0);
  expect(JSON.parse(attacker.lastSignIn?.body ?? "{}")).toMatchObject({ type: "throttled_error", code: "throttled", attr: null, url: expect.stringContaining("error=throttled") });
  // A plain form post (no JavaScript) stays a redirect to the sign-in page, which words the error.
  expect(await attacker.signIn(account.email, account.password, {}, { json: false })).toBe("throttled");
  expect(attacker.lastSignIn?.status).toBe(302);
  expect(Number(attacker.lastSignIn?.headers["retry-after"])).toBeGreaterThan(0);

  expect(await new LoopbackClient("127.0.0.3").signIn(account.email, account.password)).toBe("signed-in");
  expect(await attacker.signIn(account.email, "still-guessing")).toBe("throttled");
});

test("successful sign-ins do not count against a client", async ({ account }) => {
  const client = new LoopbackClient("127.0.0.4");
  for (let n = 0; n < 12; n++) expect(await client.signIn(account.email, account.password)).toBe("signed-in");
  for (let n = 0; n < 9; n++) expect(await client.signIn(account.email, `typo-${n}`)).toBe("CredentialsSignin");
  expect(await client.signIn(account.email, account.password)).toBe("signed-in");
});

test("one address failing on more than 100 emails is throttled, including for a real account", async ({ account }) => {
  test.setTimeout(120_000);
  const stuffer = new LoopbackClient("127.0.0.5");
  const outcomes: string[] = [];
  for (let n = 0; n < 100; n++) outcomes.push(await stuffer.signIn(nobody(), `leaked-password-${n}`));
  expect(outcomes.every((outcome) => outcome === "CredentialsSignin")).toBe(true);
  expect(await stuffer.signIn(nobody(), "leaked-password-100")).toBe("throttled");
  expect(await stuffer.signIn(account.email, account.password)).toBe("throttled");
  expect(await new LoopbackClient("127.0.0.6").signIn(account.email, account.password)).toBe("signed-in");
});

test("a client-sent X-Forwarded-For does not make a new client", async ({ account }) => {
  const spoofer = new LoopbackClient("127.0.0.7");
  for (let n = 0; n < 10; n++) {
    const spoofed = { "x-forwarded-for": `203.0.113.${n}`, "x-real-ip": `198.51.100.${n}`, "x-peer-address": `192.0.2.${n}` };
    expect(await spoofer.signIn(account.email, `wrong-guess-${n}`, spoofed)).toBe("CredentialsSignin");
  }
  expect(await spoofer.signIn(account.email, account.password, { "x-forwarded-for": "192.0.2.200", "x-peer-address": "192.0.2.201" })).toBe("throttled");
});

test("sign-up is limited per address, with 429 and Retry-After in the envelope", async () => {
  const busy = new LoopbackClient("127.0.0.8");
  // The budget is spent before the body is parsed, so empty bodies spend it without creating accounts.
  for (let n = 0; n < SIGNUP_LIMIT; n++) expect((await busy.request("POST", "/api/signup", { json: {} })).status).toBe(400);
  const throttled = await busy.request("POST", "/api/signup", { json: { email: nobody(), password: PASSWORD, first_name: "Late" }, headers: { "x-forwarded-for": "192.0.2.9" } });
  expect(throttled.status).toBe(429);
  expect(JSON.parse(throttled.body)).toMatchObject({ type: "throttled_error", code: "throttled", attr: null });
  expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(0);

  const elsewhere = await new LoopbackClient("127.0.0.9").request("POST", "/api/signup", { json: {} });
  expect(elsewhere.status).toBe(400);
});
