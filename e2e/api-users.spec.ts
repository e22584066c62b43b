import { SAME_ORIGIN, apiAs, expect, test } from "./support/fixtures";

const SECRET_KEYS = ["password", "passwordHash", "password_hash", "sessionVersion", "session_version"];

test.describe("GET /api/users", () => {
  test("staff see every user and can filter; a regular user sees only themselves", async ({ staffApi, userApi, account, other, staff }) => {
    const all = await (await staffApi.get(`/api/users?email=${encodeURIComponent(other.email.toUpperCase())}`)).json();
    expect(all.count).toBe(1);
    expect(all.results[0].uuid).toBe(other.uuid);

    const mine = await (await userApi.get("/api/users")).json();
    expect(mine).toMatchObject({ count: 1, next: null, previous: null });
    expect(mine.results[0].email).toBe(account.email);

    const probe = await (await userApi.get(`/api/users?email=${encodeURIComponent(other.email)}`)).json();
    expect(probe.count).toBe(0);

    const staffOnly = await (await staffApi.get("/api/users?is_staff=true&limit=500")).json();
    expect(staffOnly.results.length).toBeGreaterThan(0);
    expect(staffOnly.results.every((user: { is_staff: boolean }) => user.is_staff)).toBe(true);
    const staffByEmail = async (email: string) => (await (await staffApi.get(`/api/users?is_staff=true&email=${encodeURIComponent(email)}`)).json()).count;
    expect(await staffByEmail(staff.email)).toBe(1);
    expect(await staffByEmail(account.email)).toBe(0);
  });

  // staff, account and other (plus the instance's first staff user) make more than two users.
  test("pages with absolute next/previous links", async ({ staffApi, account, other }) => {
    const page = await (await staffApi.get("/api/users?limit=1&offset=1")).json();
    expect(page.count).toBeGreaterThan(2);
    expect(page.results).toHaveLength(1);
    expect(page.previous).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/users\?limit=1$/);
    expect(page.next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/users\?/);
    expect(Object.fromEntries(new URL(page.next).searchParams)).toEqual({ limit: "1", offset: "2" });
  });

  test("a bad limit is a 400 naming the field", async ({ staffApi }) => {
    const response = await staffApi.get("/api/users?limit=0");
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({ type: "validation_error", attr: "limit" });
  });

  test("anonymous is 401; POST is 405 with Allow", async ({ anonApi, userApi }) => {
    const anonymous = await anonApi.get("/api/users");
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.json()).toMatchObject({ type: "authentication_error", code: "not_authenticated", attr: null });

    const post = await userApi.post("/api/users", { headers: SAME_ORIGIN, data: { email: "x@example.com" } });
    expect(post.status()).toBe(405);
    expect(post.headers()["allow"]).toBe("GET");
    expect(await post.json()).toMatchObject({ type: "invalid_request", code: "method_not_allowed" });
  });
});

test.describe("/api/users/:uuid", () => {
  test("@me, %40me, the trailing slash and the caller's own uuid all address the caller", async ({ userApi, account }) => {
    for (const path of ["/api/users/@me", "/api/users/@me/", "/api/users/%40me", `/api/users/${account.uuid}/`]) {
      const response = await userApi.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      const body = await response.json();
      expect(body.email).toBe(account.email);
      for (const key of SECRET_KEYS) expect(body).not.toHaveProperty(key);
      expect(response.headers()["cache-control"]).toContain("no-store");
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    }
  });

  test("PATCH updates settings, to either path form, and ignores read-only fields", async ({ userApi, account, prisma }) => {
    expect(account.isEmailVerified).toBe(true);
    const response = await userApi.patch("/api/users/@me/", {
      headers: SAME_ORIGIN,
      data: { first_name: "  Sonic ", theme_mode: "dark", notification_settings: { plugin_disabled: false }, uuid: "00000000-0000-0000-0000-000000000000", is_email_verified: false },
    });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ uuid: account.uuid, first_name: "Sonic", theme_mode: "dark", is_email_verified: true });
    expect(body.notification_settings).toMatchObject({ plugin_disabled: false, discussions_mentioned: true });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ uuid: account.uuid, isEmailVerified: true, firstName: "Sonic" });
  });

  test("PATCH reports every invalid field", async ({ userApi }) => {
    const response = await userApi.patch("/api/users/@me", {
      headers: SAME_ORIGIN,
      data: { theme_mode: "neon", role_at_organization: "astronaut", notification_settings: { unknown_key: true } },
    });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.type).toBe("validation_error");
    expect(body.issues.map((issue: { attr: string }) => issue.attr).sort()).toEqual(["notification_settings__unknown_key", "role_at_organization", "theme_mode"]);
  });

  test("another user is 403 and their row is unchanged", async ({ userApi, prisma, other }) => {
    const before = await prisma.user.findUniqueOrThrow({ where: { id: other.id } });
    expect(before.firstName).toBe("Other");
    for (const [method, data] of [["get", undefined], ["patch", { first_name: "Mallory" }], ["delete", undefined]] as const) {
      const response = await userApi[method](`/api/users/${other.uuid}`, { headers: SAME_ORIGIN, data });
      expect(response.status(), method).toBe(403);
      expect(await response.json()).toMatchObject({ type: "authentication_error", code: "permission_denied" });
    }
    expect(await prisma.user.findUnique({ where: { id: other.id } })).toEqual(before);
  });

  test("is_staff is refused for a regular user and nothing changes", async ({ userApi, prisma, account }) => {
    const response = await userApi.patch("/api/users/@me", { headers: SAME_ORIGIN, data: { is_staff: true, first_name: "Eve" } });
    expect(response.status()).toBe(403);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ isStaff: false, firstName: "E2E" });
  });

  test("promoting a user ends their existing sessions", async ({ staffApi, account }) => {
    const before = await apiAs(account);
    expect((await staffApi.patch(`/api/users/${account.uuid}`, { headers: SAME_ORIGIN, data: { is_staff: true } })).status()).toBe(200);
    expect((await before.get("/api/users/@me")).status()).toBe(401);
    const after = await apiAs(account);
    expect((await (await after.get("/api/users/@me")).json()).is_staff).toBe(true);
    await Promise.all([before.dispose(), after.dispose()]);
  });

  test("non-JSON, oversized, malformed and cross-site writes are refused without a change", async ({ userApi, prisma, account }) => {
    // Buffers go out as raw bytes; Playwright would JSON-encode a string body itself.
    const cases: Array<[string, Record<string, string>, string, number, string]> = [
      ["text/plain", { ...SAME_ORIGIN, "content-type": "text/plain" }, '{"first_name":"Plain"}', 415, "unsupported_media_type"],
      ["form", { ...SAME_ORIGIN, "content-type": "application/x-www-form-urlencoded" }, "first_name=Form", 415, "unsupported_media_type"],
      ["malformed", { ...SAME_ORIGIN, "content-type": "application/json" }, '{"first_name":', 400, "parse_error"],
      ["oversized", { ...SAME_ORIGIN, "content-type": "application/json" }, JSON.stringify({ first_name: "x".repeat(200_000) }), 413, "payload_too_large"],
      ["foreign origin", { origin: "https://evil.example", "content-type": "application/json" }, '{"first_name":"Evil"}', 403, "csrf_failed"],
      ["null origin", { origin: "null", "content-type": "application/json" }, '{"first_name":"Evil"}', 403, "csrf_failed"],
      ["cross-site fetch", { "sec-fetch-site": "cross-site", "content-type": "application/json" }, '{"first_name":"Evil"}', 403, "csrf_failed"],
      ["no origin at all", { "content-type": "application/json" }, '{"first_name":"Evil"}', 403, "csrf_failed"],
    ];
    for (const [name, headers, data, status, code] of cases) {
      const response = await userApi.patch("/api/users/@me", { headers, data: Buffer.from(data) });
      expect(response.status(), name).toBe(status);
      expect((await response.json()).code, name).toBe(code);
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).firstName).toBe("E2E");
  });

  test("anonymous requests are 401 and a bearer value that is not a key is refused", async ({ anonApi }) => {
    expect((await anonApi.get("/api/users/@me")).status()).toBe(401);
    expect((await anonApi.patch("/api/users/@me", { headers: SAME_ORIGIN, data: { first_name: "Anon" } })).status()).toBe(401);
    const bearer = await anonApi.get("/api/users/@me", { headers: { authorization: "Bearer phx_not_a_key" } });
    expect(bearer.status()).toBe(401);
    expect((await bearer.json()).code).toBe("authentication_failed");
  });

  test("DELETE removes the caller's account and its personal organization", async ({ account, staffApi, prisma }) => {
    const api = await apiAs(account);
    const response = await api.delete("/api/users/@me", { headers: SAME_ORIGIN });
    expect(response.status()).toBe(204);
    expect(await response.text()).toBe("");
    expect((await api.get("/api/users/@me")).status()).toBe(401);
    expect((await staffApi.get(`/api/users/${account.uuid}`)).status()).toBe(404);
    expect(await prisma.user.findUnique({ where: { id: account.id } })).toBeNull();
    expect(await prisma.organization.findUnique({ where: { id: account.organizationId } })).toBeNull();
    await api.dispose();
  });
});

test.describe("the rest of /api", () => {
  test("unknown paths are a JSON 404, health reports the database", async ({ anonApi }) => {
    const missing = await anonApi.get("/api/users/@me/not-a-thing");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["content-type"]).toContain("application/json");
    expect(await missing.json()).toMatchObject({ type: "invalid_request", code: "not_found", attr: null });

    const health = await anonApi.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true } });
  });

  test("a user made by the users fixture signs in with the options it was given", async ({ users }) => {
    const user = await users.create({ staff: true, verified: false, firstName: "Opt", password: "a-password-of-its-own" });
    const api = await users.signIn(user);
    expect(await (await api.get("/api/users/@me")).json()).toMatchObject({
      uuid: user.uuid,
      is_staff: true,
      is_email_verified: false,
      first_name: "Opt",
      organization: { id: user.organizationId, membership_level: 15 },
      team: { id: user.teamId, name: "Default project" },
    });
  });
});
