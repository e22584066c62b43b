import { expect, test } from "./support/fixtures";

const SECURITY_HEADERS = {
  "content-security-policy": expect.stringContaining("frame-ancestors 'none'"),
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

// The API wrapper sets these itself (Next's `headers()` config skips /api): every kind of answer must carry them.
test("every API answer carries the security headers and is never cached", async ({ userApi, anonApi }) => {
  const answers = [
    await userApi.get("/api/users/@me"),
    await anonApi.get("/api/users/@me"),
    await anonApi.get("/api/no-such-route"),
    await anonApi.put("/api/users/@me", { data: {} }),
    await anonApi.get("/api/auth/csrf"),
    await anonApi.get("/api/schema"),
  ];
  expect(answers.map((answer) => answer.status())).toEqual([200, 401, 404, 405, 200, 200]);
  for (const answer of answers) {
    expect(answer.headers()).toMatchObject({ ...SECURITY_HEADERS, "cache-control": "no-store" });
  }
});

test("pages signed out and in carry the same headers, and the hedgehog page alone allows eval", async ({ anonApi, userApi }) => {
  for (const answer of [await anonApi.get("/signin"), await anonApi.get("/"), await userApi.get("/settings/profile"), await anonApi.get("/docs")]) {
    expect(answer.headers()).toMatchObject(SECURITY_HEADERS);
    expect(answer.headers()["content-security-policy"]).not.toContain("unsafe-eval");
  }
  expect((await userApi.get("/settings/hedgehog")).headers()["content-security-policy"]).toContain("'unsafe-eval'");
});
