import { afterEach, describe, expect, it } from "vitest";
import { overrideEnvForTests } from "@/lib/env";
import { describeError, log, requestIdFor, withRequestContext, withRequestIdHeader } from "@/lib/log";
import { captureLogs, type CapturedLogs } from "../support/logs";

let logs: CapturedLogs | undefined;
afterEach(() => logs?.restore());

describe("log lines", () => {
  it("are JSON with an ISO time, the level as a word, the event and the fields", () => {
    logs = captureLogs("info");
    log.info("user.updated", { userId: 7, fields: ["first_name"] });
    expect(logs.lines).toHaveLength(1);
    const [line] = logs.entries();
    expect(line).toEqual({ level: "info", time: expect.any(String), event: "user.updated", userId: 7, fields: ["first_name"] });
    expect(new Date(line!.time as string).toISOString()).toBe(line!.time);
  });

  it("mask secret-looking keys at any depth, and keep look-alikes such as errorCode", () => {
    logs = captureLogs("info");
    log.warn("deep", {
      password: "hunter2",
      errorCode: "P2002",
      request: { headers: { Cookie: "sid=abc", authorization: "Bearer xyz" }, body: { user: { profile: { otp: "123456" } } } },
      attempts: [{ code: "654321", api_key: "phx_1" }, { newPasswordHash: "$argon2id$" }],
      a: { b: { c: { d: { e: { f: { accessToken: "deepest" } } } } } },
    });
    const [line] = logs.entries();
    expect(line).toMatchObject({
      password: "[redacted]",
      errorCode: "P2002",
      request: { headers: { Cookie: "[redacted]", authorization: "[redacted]" }, body: { user: { profile: { otp: "[redacted]" } } } },
      attempts: [{ code: "[redacted]", api_key: "[redacted]" }, { newPasswordHash: "[redacted]" }],
      a: { b: { c: { d: { e: { f: { accessToken: "[redacted]" } } } } } },
    });
    for (const secret of ["hunter2", "sid=abc", "xyz", "123456", "654321", "phx_1", "argon2id", "deepest"]) {
      expect(logs.text()).not.toContain(secret);
    }
  });

  it("survive circular fields", () => {
    logs = captureLogs("info");
    const loop: Record<string, unknown> = { name: "loop" };
    loop.self = loop;
    log.info("loop", { loop });
    expect(logs.entries()[0]).toMatchObject({ loop: { name: "loop", self: "[circular]" } });
  });

  it("carry the request id inside withRequestContext, across awaits, and not outside", async () => {
    logs = captureLogs("info");
    log.info("before");
    await withRequestContext("req-12345678", async () => {
      log.info("inside");
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.error("after.await");
    });
    log.info("after");
    expect(logs.entries().map((line) => [line.event, line.requestId])).toEqual([
      ["before", undefined],
      ["inside", "req-12345678"],
      ["after.await", "req-12345678"],
      ["after", undefined],
    ]);
  });

  it("keep concurrent requests' ids apart", async () => {
    logs = captureLogs("info");
    const request = (id: string, delay: number) =>
      withRequestContext(id, async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        log.info("done", { expected: id });
      });
    await Promise.all([request("request-a-0001", 5), request("request-b-0002", 1)]);
    expect(logs.entries()).toHaveLength(2);
    for (const line of logs.entries()) expect(line.requestId).toBe(line.expected);
  });
});

describe("LOG_LEVEL", () => {
  const everyLevel = () => {
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
  };

  it.each([
    ["debug", ["d", "i", "w", "e"]],
    ["info", ["i", "w", "e"]],
    ["warn", ["w", "e"]],
    ["error", ["e"]],
    ["silent", []],
  ])("%s writes %j", (level, events) => {
    logs = captureLogs(level);
    everyLevel();
    expect(logs.entries().map((line) => line.event)).toEqual(events);
  });

  it("follows a re-read configuration without a new destination", () => {
    logs = captureLogs("info");
    log.info("first");
    const restoreLevel = overrideEnvForTests({ LOG_LEVEL: "error" });
    everyLevel();
    restoreLevel();
    expect(logs.entries().map((line) => line.event)).toEqual(["first", "e"]);
  });

  it("labels each line with its level", () => {
    logs = captureLogs("debug");
    everyLevel();
    expect(logs.entries().map((line) => line.level)).toEqual(["debug", "info", "warn", "error"]);
  });
});

describe("describeError", () => {
  it("keeps the name, code, message and stack for the log of a 500", () => {
    const error = Object.assign(new TypeError("relation users does not exist"), { code: "42P01" });
    expect(describeError(error)).toEqual({
      errorName: "TypeError",
      errorCode: "42P01",
      errorMessage: "relation users does not exist",
      stack: expect.stringContaining("TypeError: relation users does not exist"),
    });
  });

  it("describes a thrown non-error by its type", () => {
    expect(describeError("plain string")).toEqual({ errorName: "string", errorMessage: "plain string" });
    expect(describeError({ secret: "x" })).toEqual({ errorName: "object", errorMessage: undefined });
  });
});

describe("requestIdFor", () => {
  const withHeader = (value?: string) =>
    new Request("http://localhost/api/x", { headers: value === undefined ? {} : { "x-request-id": value } });

  it.each(["abcdefgh", "0f6c1c52-7a4e-4c1e-9d2a-1f6d2f3b4c5d", "trace.id_with-dots", "x".repeat(128)])("keeps a well-formed incoming id %s", (id) => {
    expect(requestIdFor(withHeader(id))).toBe(id);
  });

  it.each([undefined, "", "short", "x".repeat(129), "has space in it", "line\\nbreak-injection", '{"json":1}'])(
    "replaces %j with a fresh UUID",
    (id) => {
      const assigned = requestIdFor(withHeader(id));
      expect(assigned).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(assigned).not.toBe(requestIdFor(withHeader(id)));
    },
  );
});

describe("withRequestIdHeader", () => {
  it("sets X-Request-Id, copying a response whose headers are immutable", async () => {
    expect(withRequestIdHeader(new Response("ok"), "req-00000001").headers.get("x-request-id")).toBe("req-00000001");
    const redirect = Response.redirect("http://localhost/signin", 302);
    expect(() => redirect.headers.set("x-a", "b")).toThrow();
    const copied = withRequestIdHeader(redirect, "req-00000002");
    expect(copied.status).toBe(302);
    expect(copied.headers.get("location")).toBe("http://localhost/signin");
    expect(copied.headers.get("x-request-id")).toBe("req-00000002");
  });
});
