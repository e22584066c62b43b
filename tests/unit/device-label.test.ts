import { describe, expect, it } from "vitest";
import { deviceLabel } from "@/lib/sessions/device-label";

describe("device labels", () => {
  it.each([
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15", "Safari on Mac OS"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox on Windows"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1", "Mobile Safari on iPhone"],
    ["Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36", "Chrome on Pixel 8"],
    ["curl/8.5.0", "curl"],
    ["python-requests/2.31.0", "python-requests"],
    ["", "Unknown device"],
    ["\u0000\u0001 garbage", "Unknown device"],
  ])("%s → %s", (userAgent, label) => {
    expect(deviceLabel(userAgent)).toBe(label);
  });

  it("stays within the column's 200 characters", () => {
    expect(deviceLabel(`Mozilla/5.0 (Windows NT 10.0) Firefox/128.0 ${"x".repeat(5000)}`).length).toBeLessThanOrEqual(200);
    expect(deviceLabel(`${"a".repeat(300)}/1.0`).length).toBeLessThanOrEqual(200);
  });
});
