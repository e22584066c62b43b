import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { POST as signupPost } from "@/app/api/signup/route";
import { GET as getUser, PATCH as patchUser } from "@/app/api/users/[uuid]/route";
import { CONNECT_TIMEOUT_MS } from "@/lib/db/connection";
import { createPrismaClient } from "@/lib/db/create-client";
import { installAppDb } from "../support/app-db";
import { expectError } from "../support/envelope";
import { call, sessionCookie } from "../support/requests";
import { TcpProxy } from "../support/tcp-proxy";
import { testDatabaseUrl } from "../support/test-database";
import { createTestUser, reloadUser } from "../support/users";

// The app's client reaches the test database through a proxy the test can take down and bring back.
const target = new URL(testDatabaseUrl());
const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
let handle: ReturnType<typeof createPrismaClient>;
let restoreDb = () => {};
let user: Awaited<ReturnType<typeof createTestUser>>;
let cookie: string;

beforeAll(async () => {
  user = await createTestUser();
  cookie = await sessionCookie(user);
  await proxy.start();
  const viaProxy = new URL(target);
  viaProxy.port = String(proxy.port);
  handle = createPrismaClient({ kind: "postgres", url: viaProxy.toString() });
  restoreDb = installAppDb(handle.client);
});

afterAll(async () => {
  restoreDb();
  await proxy.stop();
  await handle.close();
});

const me = () => call(getUser, { path: "/api/users/@me", params: { uuid: "@me" }, cookie });

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - started };
}

const unavailable = { type: "server_error", code: "service_unavailable", attr: null };

describe("with the database unreachable", () => {
  it("answers 503 service_unavailable with Retry-After at once when connections are refused, and recovers when it is back", async () => {
    expect((await me()).status).toBe(200);

    await proxy.refuse();
    const refused = await timed(me);
    expectError(refused.result, 503, unavailable);
    expect(Number(refused.result.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.ms).toBeLessThan(CONNECT_TIMEOUT_MS);
    expect((await call(health, { path: "/api/health" })).status).toBe(503);
    const signup = await call(signupPost, { method: "POST", path: "/api/signup", body: { email: "down@test.local", password: "v8#Qm-tundra-Lantern-41", first_name: "D" } });
    expectError(signup, 503, unavailable);

    await proxy.restore();
    expect((await me()).status).toBe(200);
    expect((await call(health, { path: "/api/health" })).status).toBe(200);
  });

  it("answers 503 within the connect timeout when the database accepts connections but never answers", async () => {
    await proxy.blackhole();
    // Let the pool drop its idle connections (cut by the proxy), so the request needs a new one.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const hung = await timed(me);
    expectError(hung.result, 503, unavailable);
    expect(hung.ms).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 100);
    expect(hung.ms).toBeLessThan(CONNECT_TIMEOUT_MS + 2000);
    await proxy.restore();
    expect((await me()).status).toBe(200);
  });

  it("writes nothing while down: a refused PATCH leaves the row as it was", async () => {
    const before = await reloadUser(user.id);
    await proxy.refuse();
    const response = await call(patchUser, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, body: { first_name: "Changed" } });
    expectError(response, 503, unavailable);
    await proxy.restore();
    expect(await reloadUser(user.id)).toEqual(before);
  });
});
