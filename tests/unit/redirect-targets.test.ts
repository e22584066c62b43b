import { describe, expect, it } from "vitest";
import { sameOriginRedirect } from "@/lib/auth/redirect-target";
import { safeNextPath } from "@/lib/client/safe-next-path";

describe("safeNextPath (?next= on the sign-in page)", () => {
  it.each([
    ["/settings/profile", "/settings/profile"],
    ["/settings?tab=a#b", "/settings?tab=a#b"],
    ["/\u3000/x", "/%E3%80%80/x"],
    ["/\uff0f/x", "/%EF%BC%8F/x"],
    ["/\uff0f\uff0fevil.example", "/%EF%BC%8F%EF%BC%8Fevil.example"],
    ["/a/../b", "/b"],
  ])("keeps %j on this site as %j, ASCII only", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "\\/evil.example", "/\tevil", "/a\u007f", "", "settings", null, undefined])(
    "refuses %j",
    (input) => {
      expect(safeNextPath(input)).toBeNull();
    },
  );
});

describe("sameOriginRedirect (next-auth's callbackUrl)", () => {
  const base = "http://127.0.0.1:3000";

  it.each([
    ["http://127.0.0.1:3000.evil.example/x", base],
    ["http://127.0.0.1:3000@evil.example/x", base],
    ["https://evil.example/x", base],
    ["//evil.example/x", base],
    ["http://[::1", base],
    ["javascript:alert(1)", base],
    ["/settings/profile", `${base}/settings/profile`],
    ["http://127.0.0.1:3000/settings?x=1", `${base}/settings?x=1`],
    ["/\u3000/x", `${base}/%E3%80%80/x`],
  ])("sends %j to %j", (url, expected) => {
    expect(sameOriginRedirect(url, base)).toBe(expected);
  });
});
