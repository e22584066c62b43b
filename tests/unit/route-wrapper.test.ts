import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { errors } from "@/lib/api/errors";
import { json } from "@/lib/api/response";
import { endpoint, notFoundRoute, route } from "@/lib/api/route";
import { REFUSED_METHOD_HEADER } from "@/lib/http-gate";
import { captureLogs } from "../support/logs";
import { call } from "../support/requests";

afterEach(() => vi.restoreAllMocks());

const PUBLIC = { operationId: "test_op", summary: "A test endpoint", auth: "public", response: z.unknown() } as const;

describe("the route wrapper", () => {
  it("turns an unexpected error into a generic 500 that leaks nothing, and logs its message and stack with the request id", async () => {
    const logs = captureLogs("error");
    try {
      const handlers = route({
        GET: endpoint({ ...PUBLIC,
          handler: async () => {
            throw new Error('relation "users" SELECT password_hash FROM users WHERE secret=hunter2');
          },
        }),
      });
      const response = await call(handlers.GET, { path: "/api/boom" });
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ type: "server_error", code: "error", detail: "A server error occurred.", attr: null });
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(JSON.stringify(response.body)).not.toContain("hunter2");
      const requestId = response.headers.get("x-request-id");
      expect(requestId).toBeTruthy();
      expect(logs.entries()).toEqual([
        expect.objectContaining({ level: "error", event: "api.unhandled_error", path: "/api/boom", errorName: "Error", requestId }),
      ]);
      const [line] = logs.entries();
      expect(line?.errorMessage).toContain("hunter2");
      expect(String(line?.stack)).toContain("route-wrapper.test.ts");
    } finally {
      logs.restore();
    }
  });

  it("answers 503 service_unavailable with Retry-After when the database cannot be reached, logged as a warning without a stack", async () => {
    const logs = captureLogs("warn");
    try {
      const unreachable = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), {
        name: "PrismaClientKnownRequestError",
        code: "P1001",
        meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } },
      });
      const handlers = route({ GET: endpoint({ ...PUBLIC, handler: async () => { throw unreachable; } }) });
      const response = await call(handlers.GET, { path: "/api/users/@me" });
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ type: "server_error", code: "service_unavailable", detail: expect.any(String), attr: null });
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(logs.entries()).toEqual([expect.objectContaining({ level: "warn", event: "api.database_unavailable", path: "/api/users/@me" })]);
      expect(logs.text()).not.toContain("stack");
    } finally {
      logs.restore();
    }
  });

  it("keeps a well-formed X-Request-Id from the caller and replaces a malformed one", async () => {
    const handlers = route({ GET: endpoint({ ...PUBLIC, handler: async () => ({}) }) });
    const kept = await call(handlers.GET, { path: "/x", headers: { "x-request-id": "trace-0123456789" } });
    expect(kept.headers.get("x-request-id")).toBe("trace-0123456789");
    const replaced = await call(handlers.GET, { path: "/x", headers: { "x-request-id": "bad id with spaces" } });
    expect(replaced.headers.get("x-request-id")).not.toContain("bad");
  });

  it("renders thrown ApiErrors with their status, headers and every issue", async () => {
    const handlers = route({
      POST: endpoint({ ...PUBLIC,
        body: z.object({ a: z.string(), b: z.number() }),
        handler: async () => json({}),
      }),
      PUT: endpoint({ ...PUBLIC, handler: async () => { throw errors.throttled(7.2); } }),
    });
    const invalid = await call(handlers.POST, { method: "POST", path: "/x", body: { a: 1 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.issues).toEqual([
      expect.objectContaining({ attr: "a", code: "invalid_input" }),
      expect.objectContaining({ attr: "b", code: "required" }),
    ]);
    const throttled = await call(handlers.PUT, { method: "PUT", path: "/x" });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("8");
    expect(throttled.body).toMatchObject({ type: "throttled_error", code: "throttled" });
  });

  it("answers verbs a route does not define with 405 and the Allow list", async () => {
    const handlers = route({ GET: endpoint({ ...PUBLIC, handler: async () => json({ ok: true }) }), POST: endpoint({ ...PUBLIC, handler: async () => json({}) }) });
    const response = await call(handlers.DELETE, { method: "DELETE", path: "/x" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(response.body).toMatchObject({ type: "invalid_request", code: "method_not_allowed" });
  });

  it("accepts an empty action POST with or without a JSON content type", async () => {
    const handlers = route({ POST: endpoint({ ...PUBLIC, body: z.object({}), handler: async () => json({ ok: true }) }) });
    expect((await call(handlers.POST, { method: "POST", path: "/x" })).status).toBe(200);
    expect((await call(handlers.POST, { method: "POST", path: "/x", rawBody: "", headers: { "content-type": "application/json" } })).status).toBe(200);
  });
});

describe("OPTIONS", () => {
  it("answers a method the HTTP gate refused (TRACE, passed on as a marked OPTIONS) with 405 and the route's Allow", async () => {
    const handlers = route({ GET: endpoint({ ...PUBLIC, handler: async () => json({}) }), PATCH: endpoint({ ...PUBLIC, handler: async () => json({}) }) });
    const response = await call(handlers.OPTIONS, { method: "OPTIONS", path: "/x", headers: { [REFUSED_METHOD_HEADER]: "TRACE" } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, PATCH");
    expect(response.body).toMatchObject({ type: "invalid_request", code: "method_not_allowed", detail: 'Method "TRACE" not allowed.' });
    const unknownPath = await call(notFoundRoute().OPTIONS, { method: "OPTIONS", path: "/api/nope", headers: { [REFUSED_METHOD_HEADER]: "TRACE" } });
    expect(unknownPath.status).toBe(405);
    expect(unknownPath.headers.get("allow")).toBe("");
  });

  it("lists only the verbs the route serves", async () => {
    const handlers = route({ GET: endpoint({ ...PUBLIC, handler: async () => json({}) }), PATCH: endpoint({ ...PUBLIC, handler: async () => json({}) }) });
    const response = await call(handlers.OPTIONS, { method: "OPTIONS", path: "/x" });
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("GET, PATCH");
  });
});

describe("the path in error logs", () => {
  it("masks credential-like segments and keeps names and uuids", async () => {
    const { loggablePath } = await import("@/lib/api/route");
    const token = "k3JcQ0mVwq8y1r9Xz2aLhPqRsTuVwXyZ0123456789a";
    expect(loggablePath(new Request(`http://x/api/reset/${token}`))).toBe("/api/reset/[redacted]");
    expect(loggablePath(new Request("http://x/api/users/0b8f8a52-1c4e-4f55-9f6e-0d3e2a7c9b11/two_factor_status"))).toBe(
      "/api/users/0b8f8a52-1c4e-4f55-9f6e-0d3e2a7c9b11/two_factor_status",
    );
    expect(loggablePath(new Request("http://x/api/users/@me/sessions/revoke_others"))).toBe("/api/users/@me/sessions/revoke_others");
  });
});
