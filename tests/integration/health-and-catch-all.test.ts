import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import * as catchAll from "@/app/api/[...path]/route";
import * as health from "@/app/api/health/route";
import { installAppDb } from "../support/app-db";
import { expectError } from "../support/envelope";
import { call } from "../support/requests";

describe("GET /api/health", () => {
  it("reports the database reachable", async () => {
    const response = await call(health.GET, { path: "/api/health" });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "ok", database: { ok: true } });
    expect(typeof response.body.database.latency_ms).toBe("number");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when the database cannot be reached", async () => {
    const unreachable = createPrismaClient({ kind: "postgres", url: "postgresql://postgres@127.0.0.1:1/nowhere" });
    const restore = installAppDb(unreachable.client);
    try {
      const response = await call(health.GET, { path: "/api/health" });
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ status: "unavailable", database: { ok: false } });
    } finally {
      restore();
      await unreachable.close();
    }
  });

  it("answers POST with 405 and Allow: GET", async () => {
    const response = await call(health.POST, { method: "POST", path: "/api/health" });
    expectError(response, 405, { type: "invalid_request", code: "method_not_allowed", attr: null });
    expect(response.headers.get("allow")).toBe("GET");
  });
});

describe("unknown paths under /api", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"] as const)("answer %s with a 404 JSON envelope", async (method) => {
    const response = await call(catchAll[method], { method, path: "/api/nope/deeper", params: { path: "nope/deeper" } });
    expectError(response, 404, { type: "invalid_request", code: "not_found", attr: null });
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
