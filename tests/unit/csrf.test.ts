import { describe, expect, it } from "vitest";
import { assertSameOriginWrite } from "@/lib/api/csrf";
import { ApiError } from "@/lib/api/errors";

// NEXTAUTH_URL is http://localhost:3000 in the test environment (vitest.config.ts).
function write(headers: Record<string, string>, host = "localhost:3000"): Request {
  return new Request(`http://${host}/api/users/@me`, { method: "PATCH", headers: { host, ...headers } });
}

function refusal(request: Request): unknown {
  try {
    assertSameOriginWrite(request);
  } catch (error) {
    return error;
  }
  return null;
}

describe("assertSameOriginWrite", () => {
  it.each<[string, Record<string, string>, string?]>([
    ["Sec-Fetch-Site same-origin with our Origin", { "sec-fetch-site": "same-origin", origin: "http://localhost:3000" }],
    ["Sec-Fetch-Site same-origin alone", { "sec-fetch-site": "same-origin" }],
    ["our Origin alone", { origin: "http://localhost:3000" }],
    ["a same-origin Referer alone", { referer: "http://localhost:3000/settings/profile" }],
    ["the Host's own origin (not NEXTAUTH_URL)", { origin: "http://127.0.0.1:4000" }, "127.0.0.1:4000"],
  ])("allows %s", (_label, headers, host) => {
    expect(refusal(write(headers, host))).toBeNull();
  });

  it.each<[string, Record<string, string>]>([
    ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site", origin: "http://localhost:3000" }],
    ["Sec-Fetch-Site same-site", { "sec-fetch-site": "same-site" }],
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["a foreign Origin with Sec-Fetch-Site same-origin", { "sec-fetch-site": "same-origin", origin: "https://evil.example" }],
    ["Origin: null", { origin: "null" }],
    ["no Origin, Sec-Fetch-Site or Referer", {}],
    ["a foreign Referer", { referer: "https://evil.example/page" }],
    ["a look-alike Referer", { referer: "http://localhost:3000.evil.example/" }],
    ["a malformed Referer", { referer: "not a url" }],
  ])("refuses %s with 403 csrf_failed", (_label, headers) => {
    const error = refusal(write(headers));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, type: "authentication_error", code: "csrf_failed" });
  });
});
