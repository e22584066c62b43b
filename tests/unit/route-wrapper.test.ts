import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { errors } from "@/lib/api/errors";
import { json } from "@/lib/api/response";
import { publicEndpoint, route } from "@/lib/api/route";
import { call } from "../support/requests";

afterEach(() => vi.restoreAllMocks());

describe("the route wrapper", () => {
  it("turns an unexpected error into a generic 500 that leaks nothing, and logs it without the message", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const handlers = route({
      GET: publicEndpoint({
        handler: async () => {
          throw new Error('relation "users" SELECT password_hash FROM users WHERE secret=hunter2');
        },
      }),
    });
    const response = await call(handlers.GET, { path: "/api/boom" });
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ type: "server_error", code: "error", detail: "A server error occurred.", attr: null });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(logged).toHaveBeenCalledTimes(1);
    const line = String(logged.mock.calls[0]?.[0]);
    expect(JSON.parse(line)).toMatchObject({ level: "error", event: "api.unhandled_error", path: "/api/boom", errorName: "Error" });
    expect(line).not.toContain("hunter2");
    expect(line).not.toContain("SELECT");
  });

  it("renders thrown ApiErrors with their status, headers and every issue", async () => {
    const handlers = route({
      POST: publicEndpoint({
        body: z.object({ a: z.string(), b: z.number() }),
        handler: async () => json({}),
      }),
      PUT: publicEndpoint({ handler: async () => { throw errors.throttled(7.2); } }),
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
    const handlers = route({ GET: publicEndpoint({ handler: async () => json({ ok: true }) }), POST: publicEndpoint({ handler: async () => json({}) }) });
    const response = await call(handlers.DELETE, { method: "DELETE", path: "/x" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(response.body).toMatchObject({ type: "invalid_request", code: "method_not_allowed" });
  });

  it("accepts an empty action POST with or without a JSON content type", async () => {
    const handlers = route({ POST: publicEndpoint({ body: z.object({}), handler: async () => json({ ok: true }) }) });
    expect((await call(handlers.POST, { method: "POST", path: "/x" })).status).toBe(200);
    expect((await call(handlers.POST, { method: "POST", path: "/x", rawBody: "", headers: { "content-type": "application/json" } })).status).toBe(200);
  });
});

describe("OPTIONS", () => {
  it("lists only the verbs the route serves", async () => {
    const handlers = route({ GET: publicEndpoint({ handler: async () => json({}) }), PATCH: publicEndpoint({ handler: async () => json({}) }) });
    const response = await call(handlers.OPTIONS, { method: "OPTIONS", path: "/x" });
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("GET, PATCH");
  });
});
