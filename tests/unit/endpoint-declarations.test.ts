import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import { endpoint, reply, route } from "@/lib/api/route";
import { call } from "../support/requests";
import { fakePrincipal } from "../support/principals";

// The caller is injected: these tests are about what the wrapper does with a principal, not sign-in.
const injected = vi.hoisted(() => ({ principal: null as Principal | null }));
vi.mock("@/lib/auth/principal", async (original) => ({
  ...(await original<typeof import("@/lib/auth/principal")>()),
  authenticate: async () => injected.principal,
}));
const rateLimited = vi.hoisted(() => ({ calls: [] as string[] }));
vi.mock("@/lib/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/rate-limit")>()),
  applyRateLimit: async (name: string) => {
    rateLimited.calls.push(name);
  },
}));

beforeEach(() => {
  injected.principal = null;
  rateLimited.calls = [];
});

const ran = vi.fn();
const base = { operationId: "test_op", summary: "A test endpoint", response: z.unknown() };

const write = route({
  PATCH: endpoint({ ...base, scope: "user:write", handler: async () => { ran(); return { ok: true }; } }),
  GET: endpoint({ ...base, scope: "user:read", handler: async () => { ran(); return { ok: true }; } }),
});
const sessionOnly = route({
  POST: endpoint({ ...base, auth: "session", scope: "user:write", status: 204, handler: async () => { ran(); } }),
});
const publicWrite = route({
  POST: endpoint({ ...base, auth: "public", handler: async ({ principal }) => { ran(); return { signedIn: principal !== null }; } }),
});
const withSubject = route({
  GET: endpoint({ ...base, scope: "user:read", subject: "uuid", handler: async ({ subject }) => ({ uuid: subject.user.uuid, isSelf: subject.isSelf }) }),
});

const key = (scopes: Array<"user:read" | "user:write">) => fakePrincipal({ via: "personal_api_key", scopes });

describe("scope", () => {
  it("refuses a user:read key on a write route with a 403 naming the missing scope, before the handler runs", async () => {
    injected.principal = key(["user:read"]);
    ran.mockClear();
    const response = await call(write.PATCH, { method: "PATCH", path: "/x", body: {} });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ type: "authentication_error", code: "permission_denied" });
    expect(response.body.detail).toContain("user:write");
    expect(ran).not.toHaveBeenCalled();
  });

  it("lets a key with the scope through (user:write implies user:read)", async () => {
    injected.principal = key(["user:write"]);
    expect((await call(write.PATCH, { method: "PATCH", path: "/x", body: {} })).status).toBe(200);
    expect((await call(write.GET, { path: "/x" })).status).toBe(200);
  });

  it("does not limit a browser session by scope", async () => {
    injected.principal = fakePrincipal();
    expect((await call(write.PATCH, { method: "PATCH", path: "/x", body: {} })).status).toBe(200);
  });
});

describe("auth modes", () => {
  it("refuses any personal API key on a session-only route, even one with every scope", async () => {
    injected.principal = key(["user:read", "user:write"]);
    ran.mockClear();
    const response = await call(sessionOnly.POST, { method: "POST", path: "/x" });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ type: "authentication_error", code: "not_authenticated" });
    expect(ran).not.toHaveBeenCalled();
  });

  it("serves the session-only route to a browser session, with the declared 204", async () => {
    injected.principal = fakePrincipal();
    const response = await call(sessionOnly.POST, { method: "POST", path: "/x" });
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it("answers 401 to anonymous callers of an authenticated route", async () => {
    expect((await call(write.GET, { path: "/x" })).status).toBe(401);
  });

  it("refuses a cross-site cookie write on a public route with 403 csrf_failed", async () => {
    injected.principal = fakePrincipal();
    ran.mockClear();
    const response = await call(publicWrite.POST, { method: "POST", path: "/x", body: {}, headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" } });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe("csrf_failed");
    expect(ran).not.toHaveBeenCalled();
  });

  it("lets anonymous callers use a public route, with no principal", async () => {
    const response = await call(publicWrite.POST, { method: "POST", path: "/x", body: {}, headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" } });
    expect(response).toMatchObject({ status: 200, body: { signedIn: false } });
  });
});

describe("subject", () => {
  it.each(["@me", "%40me"])("resolves %s to the caller without asking the database", async (ref) => {
    const principal = fakePrincipal();
    injected.principal = principal;
    const response = await call(withSubject.GET, { path: `/x/${ref}`, params: { uuid: ref } });
    expect(response.body).toEqual({ uuid: principal.user.uuid, isSelf: true });
  });

  it("treats the caller's own uuid, in any case, like @me", async () => {
    const principal = fakePrincipal();
    injected.principal = principal;
    const response = await call(withSubject.GET, { path: "/x", params: { uuid: principal.user.uuid.toUpperCase() } });
    expect(response.body).toEqual({ uuid: principal.user.uuid, isSelf: true });
  });

  it("refuses a non-staff caller naming anyone else with a 403 that says why", async () => {
    injected.principal = fakePrincipal();
    const response = await call(withSubject.GET, { path: "/x", params: { uuid: "5f0c2a5e-8a52-4a9f-9d8e-3a8a4b3c2d1e" } });
    expect(response.status).toBe(403);
    expect(response.body.detail).toContain("@me");
  });
});

describe("organization-enforced two-factor", () => {
  const OTHER = "5f0c2a5e-8a52-4a9f-9d8e-3a8a4b3c2d1e";
  const wayOut = route({
    GET: endpoint({ ...base, scope: "user:read", subject: "uuid", allowedDuringTwoFactorSetup: true, handler: async () => { ran(); return { ok: true }; } }),
  });
  const blockedCaller = (options: { staff?: boolean } = {}) => fakePrincipal({ ...options, organizationEnforces2fa: true });

  it("refuses an ordinary route to a session without two-factor in an enforcing organization, before the handler and the body", async () => {
    injected.principal = blockedCaller();
    ran.mockClear();
    const response = await call(write.PATCH, { method: "PATCH", path: "/x", rawBody: "{not json" , headers: { "content-type": "application/json" } });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ type: "authentication_error", code: "two_factor_setup_required", attr: null });
    expect(ran).not.toHaveBeenCalled();
  });

  it.each(["@me", "%40me", "OWN"])("opens a route declared allowedDuringTwoFactorSetup on the caller (%s)", async (ref) => {
    const principal = blockedCaller();
    injected.principal = principal;
    const uuid = ref === "OWN" ? principal.user.uuid.toUpperCase() : ref;
    expect((await call(wayOut.GET, { path: `/x/${uuid}`, params: { uuid } })).status).toBe(200);
  });

  it("keeps it closed when a staff caller names someone else through it", async () => {
    injected.principal = blockedCaller({ staff: true });
    const response = await call(wayOut.GET, { path: `/x/${OTHER}`, params: { uuid: OTHER } });
    expect(response).toMatchObject({ status: 403, body: { code: "two_factor_setup_required" } });
  });

  it("lets the same caller through once two-factor is on, and never holds a personal API key to it", async () => {
    injected.principal = fakePrincipal({ organizationEnforces2fa: true, twoFactorEnabled: true });
    expect((await call(write.GET, { path: "/x" })).status).toBe(200);
    injected.principal = { ...fakePrincipal({ via: "personal_api_key", scopes: ["user:read"] }), currentOrganizationEnforces2fa: true };
    expect((await call(write.GET, { path: "/x" })).status).toBe(200);
  });

  it("leaves public routes alone: they act as nobody", async () => {
    injected.principal = blockedCaller();
    expect((await call(publicWrite.POST, { method: "POST", path: "/x", body: {} })).body).toEqual({ signedIn: true });
  });
});

describe("declared limits and answers", () => {
  it("spends the named rate budget before the handler", async () => {
    const limited = route({
      POST: endpoint({ ...base, auth: "public", rateLimit: "signup", handler: async () => ({ calls: [...rateLimited.calls] }) }),
    });
    const response = await call(limited.POST, { method: "POST", path: "/x", body: {} });
    expect(response.body).toEqual({ calls: ["signup"] });
  });

  it("renders the declared status, another one through reply(), and sets a request id", async () => {
    const answers = route({
      POST: endpoint({ ...base, auth: "public", status: 201, body: z.object({ fail: z.boolean() }), response: z.object({ made: z.boolean() }), otherResponses: { 503: { description: "down", schema: z.object({ made: z.boolean() }) } }, handler: async ({ body }) => (body.fail ? reply(503, { made: false }) : { made: true }) }),
    });
    const created = await call(answers.POST, { method: "POST", path: "/x", body: { fail: false } });
    expect(created).toMatchObject({ status: 201, body: { made: true } });
    expect(created.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9._-]{8,128}$/);
    expect((await call(answers.POST, { method: "POST", path: "/x", body: { fail: true } })).status).toBe(503);
  });
});
