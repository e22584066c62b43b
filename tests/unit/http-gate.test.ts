import { describe, expect, it } from "vitest";
import { gateRequest } from "@/lib/http-gate";

describe("the HTTP gate in front of Next", () => {
  it.each(["/api/users/%ff", "/api/%ff", "/api/users/%C0%AF", "/api/users/%E0%A4%A", "/api/users/%ED%A0%80?limit=1", "http://127.0.0.1:3000/api/users/%ff"])(
    "answers the undecodable API path %s with a JSON 400 in the envelope",
    (url) => {
      const decision = gateRequest("GET", url);
      expect(decision).toMatchObject({ answer: { status: 400, headers: { "Content-Type": "application/json; charset=utf-8" } } });
      const body = decision && "answer" in decision ? JSON.parse(decision.answer.body) : null;
      expect(body).toEqual({ type: "invalid_request", code: "invalid_path", detail: expect.any(String), attr: null });
    },
  );

  it.each(["/api/users/%40me", "/api/users/@me", "/api/users?email=a%ff", "/settings/%ff", "/api/users/%E3%80%80"])("lets %s through to Next", (url) => {
    expect(gateRequest("GET", url)).toBeNull();
  });

  it.each(["TRACE", "trace", "TRACK", "PROPFIND", "MKCOL", "PURGE"])("hands %s under /api on to the route as a refused OPTIONS, so it answers with its own Allow", (method) => {
    expect(gateRequest(method, "/api/users/@me")).toEqual({ refuseAs: method.toUpperCase() });
    expect(gateRequest(method, "/api")).toEqual({ refuseAs: method.toUpperCase() });
  });

  it.each(["TRACE", "PROPFIND"])("answers %s on a page with 405 and the pages' Allow", (method) => {
    expect(gateRequest(method, "/settings/profile?x=1")).toMatchObject({ answer: { status: 405, headers: { Allow: "GET, HEAD" } } });
  });

  it.each(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])("never touches %s on a well-formed path", (method) => {
    expect(gateRequest(method, "/api/users/@me")).toBeNull();
    expect(gateRequest(method, "/settings")).toBeNull();
  });
});
