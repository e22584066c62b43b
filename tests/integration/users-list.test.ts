import { beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET, PATCH, POST, PUT } from "@/app/api/users/route";
import { GET as RETRIEVE } from "@/app/api/users/[uuid]/route";
import { db } from "@/lib/db/client";
import { overrideEnvForTests } from "@/lib/env";
import { expectError } from "../support/envelope";
import { call, ORIGIN, sessionCookie } from "../support/requests";
import { enableTwoFactor } from "../support/two-factor";
import { createTestUser } from "../support/users";

type TestUser = Awaited<ReturnType<typeof createTestUser>>;

let staff: TestUser;
let member: TestUser;
let other: TestUser;
let staffCookie: string;
let memberCookie: string;

beforeAll(async () => {
  [staff, member, other] = await Promise.all([createTestUser({ staff: true }), createTestUser(), createTestUser()]);
  [staffCookie, memberCookie] = await Promise.all([sessionCookie(staff), sessionCookie(member)]);
});

const list = (query: string, cookie?: string) => call(GET, { path: `/api/users${query}`, cookie });

describe("GET /api/users as staff", () => {
  it("lists every user, across pages", async () => {
    const uuids: string[] = [];
    let query: string | null = "?limit=500";
    while (query !== null) {
      const response = await list(query, staffCookie);
      expect(response.status).toBe(200);
      expect(response.body.count).toBeGreaterThanOrEqual(3);
      uuids.push(...response.body.results.map((user: { uuid: string }) => user.uuid));
      query = response.body.next === null ? null : new URL(response.body.next).search;
    }
    expect(uuids).toEqual(expect.arrayContaining([staff.uuid, member.uuid, other.uuid]));
  });

  it("filters by email, case-insensitively and exactly", async () => {
    const response = await list(`?email=${encodeURIComponent(other.email.toUpperCase())}`, staffCookie);
    expect(response.status).toBe(200);
    expect(response.body.count).toBe(1);
    expect(response.body.results).toHaveLength(1);
    expect(response.body.results[0].uuid).toBe(other.uuid);
    expect(response.body.results[0].sensitive_session_expires_at).toBeNull();

    const prefix = await list(`?email=${encodeURIComponent(other.email.slice(0, 10))}`, staffCookie);
    expect(prefix.body.count).toBe(0);
  });

  it("shows each user exactly as retrieving them does, every field set (the list reads fewer columns)", async () => {
    const user = await createTestUser();
    await enableTwoFactor(await sessionCookie(user));
    await db().user.update({
      where: { id: user.id },
      data: {
        pendingEmail: `next-${user.uuid}@example.test`,
        lastLogin: new Date("2026-11-30T10:00:00.123Z"),
        notificationSettings: { plugin_disabled: false, project_weekly_digest_disabled: { "7": true } },
        hedgehogConfig: { enabled: true, color: "green", accessories: ["beret"] },
        hasSeenProductIntroFor: { surveys: true },
        themeMode: "dark",
        toolbarMode: "disabled",
        shortcutPosition: "below",
        roleAtOrganization: "engineering",
        allowImpersonation: false,
        allowSidebarSuggestions: true,
        anonymizeData: true,
        hideMcpHints: true,
        requiresCredentialReview: true,
      },
    });
    const listed = await list(`?email=${encodeURIComponent(user.email)}`, staffCookie);
    const retrieved = await call(RETRIEVE, { path: `/api/users/${user.uuid}`, params: { uuid: user.uuid }, cookie: staffCookie });
    expect(retrieved.status).toBe(200);
    expect(retrieved.body).toMatchObject({ is_2fa_enabled: true, has_password: true, theme_mode: "dark", organization: { id: expect.any(String) } });
    expect(listed.body.results).toEqual([retrieved.body]);
  });

  it("filters by is_staff", async () => {
    const staffOnly = await list("?is_staff=true&limit=500", staffCookie);
    expect(staffOnly.status).toBe(200);
    expect(staffOnly.body.results.length).toBeGreaterThan(0);
    expect(staffOnly.body.results.every((user: { is_staff: boolean }) => user.is_staff)).toBe(true);

    const byEmail = (flag: string) => list(`?is_staff=${flag}&email=${encodeURIComponent(member.email)}`, staffCookie);
    expect((await byEmail("true")).body.count).toBe(0);
    expect((await byEmail("false")).body.count).toBe(1);
    expect((await list(`?is_staff=true&email=${encodeURIComponent(staff.email)}`, staffCookie)).body.count).toBe(1);
  });

  it.each([
    // http: an https:// URL would switch to __Secure- cookie names, which this test is not about.
    ["NEXTAUTH_URL", "http://accounts.example.com:8080/", "http://accounts.example.com:8080"],
    ["http://localhost:$PORT without NEXTAUTH_URL", undefined, "http://localhost:4123"],
  ])("builds next/previous on the configured public URL (%s), whatever the Host header says", async (_label, publicUrl, origin) => {
    const restore = overrideEnvForTests({ NEXTAUTH_URL: publicUrl, PORT: "4123" });
    try {
      const response = await call(GET, {
        path: "/api/users?limit=1&offset=1",
        cookie: staffCookie,
        headers: { host: "evil.example", "x-forwarded-host": "evil.example", origin: "" },
      });
      expect(response.status).toBe(200);
      expect(new URL(response.body.next).origin).toBe(origin);
      expect(new URL(response.body.previous).origin).toBe(origin);
      expect(response.body.next).toBe(`${origin}/api/users?limit=1&offset=2`);
    } finally {
      restore();
    }
  });

  it("paginates with limit/offset and absolute next/previous URLs", async () => {
    const first = await list("?limit=2", staffCookie);
    expect(first.status).toBe(200);
    expect(first.body.results).toHaveLength(2);
    expect(first.body.previous).toBeNull();
    const next = new URL(first.body.next);
    expect(next.origin).toBe(ORIGIN);
    expect(next.pathname).toBe("/api/users");
    expect(Object.fromEntries(next.searchParams)).toEqual({ limit: "2", offset: "2" });

    const second = await list(next.search, staffCookie);
    expect(second.status).toBe(200);
    expect(second.body.results.length).toBeGreaterThan(0);
    const lastIdOfFirst = first.body.results[1].id;
    expect(second.body.results.every((user: { id: number }) => user.id > lastIdOfFirst)).toBe(true);
    const previous = new URL(second.body.previous);
    expect(previous.origin).toBe(ORIGIN);
    expect(Object.fromEntries(previous.searchParams)).toEqual({ limit: "2" });

    const third = await list("?limit=2&offset=3", staffCookie);
    expect(Object.fromEntries(new URL(third.body.previous).searchParams)).toEqual({ limit: "2", offset: "1" });
  });

  it("keeps other filters in the page links", async () => {
    const response = await list("?is_staff=false&limit=1", staffCookie);
    expect(response.body.count).toBeGreaterThanOrEqual(2);
    expect(new URL(response.body.next).searchParams.get("is_staff")).toBe("false");
  });
});

describe("GET /api/users as a non-staff user", () => {
  it("sees only themselves", async () => {
    const response = await list("", memberCookie);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ count: 1, next: null, previous: null });
    expect(response.body.results).toHaveLength(1);
    expect(response.body.results[0].uuid).toBe(member.uuid);
    expect(response.body.results[0].sensitive_session_expires_at).not.toBeNull();
  });

  it("cannot find another user by email (403-equivalent: an empty list)", async () => {
    const response = await list(`?email=${encodeURIComponent(other.email)}`, memberCookie);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ count: 0, next: null, previous: null, results: [] });
  });

  it("cannot widen the list with is_staff=false", async () => {
    const response = await list("?is_staff=false&limit=500", memberCookie);
    expect(response.body.count).toBe(1);
    expect(response.body.results[0].uuid).toBe(member.uuid);
  });

  it("gets an empty page past the end, with a previous link", async () => {
    const response = await list("?offset=1", memberCookie);
    expect(response.body).toMatchObject({ count: 1, next: null, results: [] });
    expect(new URL(response.body.previous).searchParams.get("offset")).toBeNull();
  });
});

describe("GET /api/users errors", () => {
  it.each([
    ["limit=0", "min_value"],
    ["limit=501", "max_value"],
    ["limit=abc", "invalid_input"],
    ["limit=-5", "min_value"],
  ])("answers %s with 400 naming limit", async (query, code) => {
    expectError(await list(`?${query}`, staffCookie), 400, { type: "validation_error", code, attr: "limit" });
  });

  it("answers a junk is_staff with 400 naming is_staff", async () => {
    expectError(await list("?is_staff=maybe", staffCookie), 400, { type: "validation_error", code: "invalid_choice", attr: "is_staff" });
  });

  it("answers an anonymous caller with 401", async () => {
    expectError(await list(""), 401, { type: "authentication_error", code: "not_authenticated", attr: null });
  });

  it("answers a Bearer header with 401 authentication_failed, even alongside a valid cookie", async () => {
    const bearer = { authorization: "Bearer phx_not_a_real_key" };
    expectError(await call(GET, { path: "/api/users", headers: bearer }), 401, { type: "authentication_error", code: "authentication_failed" });
    expectError(await call(GET, { path: "/api/users", headers: bearer, cookie: staffCookie }), 401, {
      type: "authentication_error",
      code: "authentication_failed",
    });
    expectError(await call(GET, { path: "/api/users", headers: { authorization: "Basic abc" } }), 401, {
      type: "authentication_error",
      code: "authentication_failed",
    });
  });

  it.each([
    ["POST", POST],
    ["PUT", PUT],
    ["PATCH", PATCH],
    ["DELETE", DELETE],
  ] as const)("answers %s with 405 and Allow: GET", async (method, handler) => {
    const response = await call(handler, { method, path: "/api/users", cookie: staffCookie, body: { email: "x@y.z" } });
    expectError(response, 405, { type: "invalid_request", code: "method_not_allowed", attr: null });
    expect(response.headers.get("allow")).toBe("GET");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  });
});
