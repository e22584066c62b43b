import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { assertNextAuthRoute, inEnvelope, nextAuthOptions } from "@/lib/auth/next-auth-errors";

function thrown(fn: () => unknown): { status: number; code: string; allow?: string } | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.status, code: error.code, ...(error.extra.headers?.Allow !== undefined ? { allow: error.extra.headers.Allow } : {}) };
  }
}

async function rejection(response: Response): Promise<{ status: number; code: string } | null> {
  try {
    await inEnvelope(response);
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.status, code: error.code };
  }
}

describe("next-auth's routes in the envelope", () => {
  it.each([
    ["GET", "csrf"],
    ["GET", "session"],
    ["POST", "session"],
    ["POST", "callback"],
    ["GET", "providers"],
    ["POST", "_log"],
  ])("lets %s %s through to next-auth", (method, action) => {
    expect(thrown(() => assertNextAuthRoute(method, action))).toBeNull();
  });

  it.each([
    ["GET", "nope"],
    ["GET", "__proto__"],
    ["GET", undefined],
  ])("answers %s of the unknown action %s with 404", (method, action) => {
    expect(thrown(() => assertNextAuthRoute(method, action))).toEqual({ status: 404, code: "not_found" });
  });

  it.each([
    ["DELETE", "session", "GET, POST"],
    ["POST", "csrf", "GET"],
    ["PUT", "providers", "GET"],
    ["GET", "_log", "POST"],
  ])("answers %s %s with 405 and Allow: %s", (method, action, allow) => {
    expect(thrown(() => assertNextAuthRoute(method, action))).toEqual({ status: 405, code: "method_not_allowed", allow });
  });

  it("turns the `[object Object]` 400 of a session update without a CSRF token into the envelope", async () => {
    expect(await rejection(new Response("[object Object]", { status: 400 }))).toEqual({ status: 400, code: "csrf_failed" });
  });

  it("turns 'not supported' (an unknown provider) into a 404 and a configuration 500 into a generic 500", async () => {
    expect(await rejection(new Response("Error: This action with HTTP GET is not supported by NextAuth.js", { status: 400 }))).toEqual({
      status: 404,
      code: "not_found",
    });
    const configuration = Response.json({ message: "There is a problem with the server configuration." }, { status: 500 });
    expect(await rejection(configuration)).toEqual({ status: 500, code: "error" });
  });

  it("passes the sign-in flow through: redirects, and the 401 `{ url }` of a rejected json sign-in", async () => {
    const redirect = new Response(null, { status: 302, headers: { Location: "/signin?error=CredentialsSignin" } });
    expect(await inEnvelope(redirect)).toBe(redirect);
    const rejected = Response.json({ url: "http://localhost:3000/signin?error=CredentialsSignin" }, { status: 401 });
    expect(await inEnvelope(rejected)).toBe(rejected);
  });
});

describe("OPTIONS under /api/auth", () => {
  it("lists an action's verbs, answers an unknown action with 404, and a refused TRACE with 405 and the same list", () => {
    expect(nextAuthOptions("session", null).headers.get("allow")).toBe("GET, POST");
    expect(thrown(() => nextAuthOptions("nope", null))).toEqual({ status: 404, code: "not_found" });
    expect(thrown(() => nextAuthOptions("csrf", "TRACE"))).toEqual({ status: 405, code: "method_not_allowed", allow: "GET" });
    expect(thrown(() => nextAuthOptions("nope", "TRACE"))).toEqual({ status: 405, code: "method_not_allowed", allow: "" });
  });
});
