import { randomBytes } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { generate } from "otplib";
import { E2E_DATABASE_URL } from "../playwright.config";
import { contractChecked } from "./support/api-contract";
import { expect, signIn, test } from "./support/fixtures";
import { OwnServer, freePort } from "./support/own-server";

// Its own server, logging everything at debug level, so the test can read the whole log.
test.describe.configure({ mode: "serial" });
let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = new OwnServer(await freePort(), {
    DATABASE_URL: E2E_DATABASE_URL,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    TWO_FACTOR_ENCRYPTION_KEYS: `secrets:${randomBytes(32).toString("base64")}`,
    LOG_LEVEL: "debug",
  });
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
});

const codeFor = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/** The credentials callback with a second factor, as the sign-in page sends it; true when a session came back. */
async function signInWithCode(api: APIRequestContext, email: string, password: string, otp: string): Promise<boolean> {
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, otp, json: "true" }, maxRedirects: 0 });
  return (await api.get("/api/users/@me")).status() === 200;
}

test("secrets and codes appear once, in the answers that hand them out, and never in a later answer or the server's log", async ({ account }) => {
  const origin = { origin: server.baseURL };
  const api = contractChecked(await playwrightRequest.newContext({ baseURL: server.baseURL }));
  await signIn(api, account.email, account.password);

  const started = await api.get("/api/users/@me/two_factor_start_setup");
  expect(started.headers()["cache-control"]).toContain("no-store");
  const { secret } = await started.json();
  const enabled = await api.post("/api/users/@me/two_factor_validate", { headers: origin, data: { token: await codeFor(secret) } });
  expect(enabled.status()).toBe(200);
  const firstCodes: string[] = (await enabled.json()).backup_codes;
  const regenerated = await api.post("/api/users/@me/two_factor_backup_codes", { headers: origin });
  expect(regenerated.headers()["cache-control"]).toContain("no-store");
  const codes: string[] = (await regenerated.json()).backup_codes;

  const laterAnswers = [
    await (await api.get("/api/users/@me")).text(),
    await (await api.get("/api/users/@me/two_factor_status")).text(),
    await (await api.get(`/api/users?email=${encodeURIComponent(account.email)}`)).text(),
    await (await api.get("/api/users/@me/sessions")).text(),
  ];
  expect(JSON.parse(laterAnswers[1]!)).toEqual({ is_enabled: true, method: "TOTP", backup_codes_remaining: 10 });

  const fresh = contractChecked(await playwrightRequest.newContext({ baseURL: server.baseURL }));
  const nextCode = await codeFor(secret, 1);
  expect(await signInWithCode(fresh, account.email, account.password, nextCode)).toBe(true);
  const other = contractChecked(await playwrightRequest.newContext({ baseURL: server.baseURL }));
  expect(await signInWithCode(other, account.email, account.password, nextCode)).toBe(false);
  expect(await signInWithCode(other, account.email, account.password, codes[0]!)).toBe(true);
  const guesser = contractChecked(await playwrightRequest.newContext({ baseURL: server.baseURL }));
  expect(await signInWithCode(guesser, account.email, "wrong-password-entirely", codes[1]!)).toBe(false);

  const log = server.output();
  expect(log).toContain("two_factor.enabled");
  const secrets = [secret, nextCode, ...firstCodes, ...codes, ...codes.map((code) => code.replace("-", ""))];
  for (const value of secrets) {
    expect(log, "the server log").not.toContain(value);
    for (const answer of laterAnswers) expect(answer).not.toContain(value);
  }
  expect(log).not.toContain("otpauth://");
  await Promise.all([api.dispose(), fresh.dispose(), other.dispose(), guesser.dispose()]);
});
