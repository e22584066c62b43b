import { randomBytes } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { E2E_DATABASE_URL } from "../playwright.config";
import { TcpProxy } from "../tests/support/tcp-proxy";
import { contractChecked } from "./support/api-contract";
import { expect, signIn, test } from "./support/fixtures";
import { OwnServer, freePort } from "./support/own-server";
import { cookieHeaderOf, rawRequest } from "./support/raw-http";

// This spec runs its own server, whose database connection goes through a proxy it can cut.
test.describe.configure({ mode: "serial" });

const database = new URL(E2E_DATABASE_URL);
const proxy = new TcpProxy({ host: database.hostname, port: Number(database.port || 5432) });
let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await proxy.start();
  const viaProxy = new URL(database);
  viaProxy.port = String(proxy.port);
  server = new OwnServer(await freePort(), {
    DATABASE_URL: viaProxy.toString(),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    TWO_FACTOR_ENCRYPTION_KEYS: `outage:${randomBytes(32).toString("base64")}`,
    RATE_LIMIT_SIGNIN_LIMIT: "10000",
    LOG_LEVEL: "warn",
  });
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
  await proxy.stop();
});

async function signedIn(email: string, password: string): Promise<APIRequestContext> {
  const api = contractChecked(await playwrightRequest.newContext({ baseURL: server.baseURL }));
  await signIn(api, email, password);
  return api;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  return { result: await fn(), ms: Date.now() - started };
}

const STACK_FRAME = /\n\s+at \S/;

test("every API route answers 503 in the envelope while the database refuses connections, and all recovers when it is back", async ({ account, browser }) => {
  const api = await signedIn(account.email, account.password);
  expect((await api.get("/api/users/@me")).status()).toBe(200);

  await proxy.refuse();
  for (const [method, path] of [["GET", "/api/users/@me"], ["GET", "/api/users"], ["PATCH", "/api/users/@me"]] as const) {
    const { result, ms } = await timed(() => api.fetch(path, { method, headers: { origin: server.baseURL }, data: method === "PATCH" ? { first_name: "Down" } : undefined }));
    expect(result.status(), `${method} ${path}`).toBe(503);
    expect(await result.json()).toMatchObject({ type: "server_error", code: "service_unavailable", attr: null });
    expect(Number(result.headers()["retry-after"])).toBeGreaterThan(0);
    expect(ms).toBeLessThan(3000);
  }
  expect((await api.get("/api/health")).status()).toBe(503);
  const html = await rawRequest("/settings/profile", { base: server.baseURL, headers: { cookie: await cookieHeaderOf(api) } });
  expect(html.status).toBeGreaterThanOrEqual(500);
  expect(html.text).not.toMatch(/Prisma|DatabaseNotReachable|127\.0\.0\.1:\d+/);
  const context = await browser.newContext({ storageState: await api.storageState() });
  const page = await context.newPage();
  await page.goto(`${server.baseURL}/settings/profile`);
  await expect(page.getByRole("heading", { name: "This page could not be loaded" })).toBeVisible();
  expect(server.running).toBe(true);

  await proxy.restore();
  expect((await api.get("/api/health")).status()).toBe(200);
  const me = await api.get("/api/users/@me");
  expect(me.status()).toBe(200);
  expect((await me.json()).first_name).toBe(account.firstName);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  await context.close();
  await api.dispose();
});

test("a database that accepts connections but never answers gives 503 within a few seconds, then recovers", async ({ account }) => {
  const api = await signedIn(account.email, account.password);
  await proxy.blackhole();
  // Let the pool notice its cut idle connections, so the request has to open a new one.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const { result, ms } = await timed(() => api.get("/api/users/@me"));
  expect(result.status()).toBe(503);
  expect(ms).toBeGreaterThanOrEqual(2500);
  expect(ms).toBeLessThan(6000);
  await proxy.restore();
  expect((await api.get("/api/users/@me")).status()).toBe(200);
  await api.dispose();
});

test("hostile requests leave no stack trace in the server's log", async ({ account }) => {
  const api = await signedIn(account.email, account.password);
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const logBefore = server.output().length;
  const base = server.baseURL;
  expect((await rawRequest("/api/users", { base, method: "TRACE" })).status).toBe(405);
  expect((await rawRequest("/settings/profile", { base, method: "TRACE" })).status).toBe(405);
  expect((await rawRequest("/api/users/%ff", { base })).status).toBe(400);
  expect((await rawRequest("/signin?next=/%E3%80%80/x", { base })).status).toBe(200);
  const signout = await api.post("/api/auth/signout", { form: { csrfToken, callbackUrl: `${base}.evil.example/x` }, maxRedirects: 0 });
  expect(signout.status()).toBe(302);
  expect(new URL(signout.headers()["location"]!).origin).toBe(base);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const log = server.output().slice(logBefore);
  expect(log).not.toMatch(STACK_FRAME);
  expect(log).not.toContain("Error");
  await api.dispose();
});
