import { describe, expect, it } from "vitest";
import { GET, PATCH } from "@/app/api/users/[uuid]/route";
import { db } from "@/lib/db/client";
import { expectError } from "../support/envelope";
import { call, sessionCookie } from "../support/requests";
import { createTestUser, liveSessions, reloadUser } from "../support/users";

const patch = (options: { cookie?: string; uuid?: string; body: unknown; headers?: Record<string, string> }) => {
  const uuid = options.uuid ?? "@me";
  return call(PATCH, { method: "PATCH", path: `/api/users/${uuid}`, params: { uuid }, cookie: options.cookie, body: options.body, headers: options.headers });
};
const me = (cookie: string) => call(GET, { path: "/api/users/@me", params: { uuid: "@me" }, cookie });

describe("PATCH /api/users/:uuid permissions", () => {
  it("answers an anonymous caller with 401", async () => {
    expectError(await patch({ body: { first_name: "X" } }), 401, { type: "authentication_error", code: "not_authenticated", attr: null });
  });

  it("answers a Bearer header with 401 authentication_failed", async () => {
    const response = await patch({ body: { first_name: "X" }, headers: { authorization: "Bearer phx_unknown" } });
    expectError(response, 401, { type: "authentication_error", code: "authentication_failed", attr: null });
  });

  it("answers a deactivated user's cookie with 401 and writes nothing", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    await db().user.update({ where: { id: user.id }, data: { isActive: false } });
    const before = await reloadUser(user.id);
    expectError(await patch({ cookie, body: { first_name: "Ghost" } }), 401, { type: "authentication_error", code: "not_authenticated" });
    expect(await reloadUser(user.id)).toEqual(before);
  });

  it("answers a non-staff user editing someone else with 403, and the row is unchanged", async () => {
    const [attacker, victim] = await Promise.all([createTestUser(), createTestUser()]);
    const before = await reloadUser(victim.id);
    const response = await patch({ cookie: await sessionCookie(attacker), uuid: victim.uuid, body: { first_name: "Pwned" } });
    expectError(response, 403, { type: "authentication_error", code: "permission_denied", attr: null });
    expect(await reloadUser(victim.id)).toEqual(before);
  });

  it("answers a non-staff user setting is_staff with 403, and is_staff is unchanged", async () => {
    const user = await createTestUser();
    const before = await reloadUser(user.id);
    const response = await patch({ cookie: await sessionCookie(user), body: { is_staff: true, first_name: "Boss" } });
    expectError(response, 403, { type: "authentication_error", code: "permission_denied", attr: null });
    const after = await reloadUser(user.id);
    expect(after.isStaff).toBe(false);
    expect(after).toEqual(before);
  });

  it("lets staff edit another user", async () => {
    const [staff, user] = await Promise.all([createTestUser({ staff: true }), createTestUser()]);
    const response = await patch({ cookie: await sessionCookie(staff), uuid: user.uuid, body: { first_name: "Edited", theme_mode: "dark" } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ uuid: user.uuid, first_name: "Edited", theme_mode: "dark", sensitive_session_expires_at: null });
    expect(await reloadUser(user.id)).toMatchObject({ firstName: "Edited", themeMode: "dark" });
  });

  it("answers staff editing an unknown user with 404", async () => {
    const staff = await createTestUser({ staff: true });
    const response = await patch({ cookie: await sessionCookie(staff), uuid: "00000000-0000-4000-8000-000000000000", body: { first_name: "X" } });
    expectError(response, 404, { type: "invalid_request", code: "not_found", attr: null });
  });

  it("lets staff promote another user, which ends that user's sessions", async () => {
    const [staff, user] = await Promise.all([createTestUser({ staff: true }), createTestUser()]);
    const oldCookie = await sessionCookie(user);
    expect((await me(oldCookie)).status).toBe(200);

    const response = await patch({ cookie: await sessionCookie(staff), uuid: user.uuid, body: { is_staff: true } });
    expect(response.status).toBe(200);
    expect(response.body.is_staff).toBe(true);
    const after = await reloadUser(user.id);
    expect(after).toMatchObject({ isStaff: true });
    expect(await liveSessions(user.id)).toBe(0);

    expectError(await me(oldCookie), 401, { type: "authentication_error", code: "not_authenticated" });
    const fresh = await me(await sessionCookie(after));
    expect(fresh.status).toBe(200);
    expect(fresh.body.is_staff).toBe(true);
  });

  it("lets staff demote another staff user (the caller remains staff), which ends that user's sessions", async () => {
    const [staff, otherStaff] = await Promise.all([createTestUser({ staff: true }), createTestUser({ staff: true })]);
    const otherCookie = await sessionCookie(otherStaff);
    const response = await patch({ cookie: await sessionCookie(staff), uuid: otherStaff.uuid, body: { is_staff: false } });
    expect(response.status).toBe(200);
    expect(await reloadUser(otherStaff.id)).toMatchObject({ isStaff: false });
    expectError(await me(otherCookie), 401, { type: "authentication_error", code: "not_authenticated" });
  });

  it("does not end sessions when is_staff is sent unchanged", async () => {
    const staff = await createTestUser({ staff: true });
    const cookie = await sessionCookie(staff);
    const elsewhere = await sessionCookie(staff);
    expect((await patch({ cookie, body: { is_staff: true } })).status).toBe(200);
    expect((await me(cookie)).status).toBe(200);
    expect((await me(elsewhere)).status).toBe(200);
  });

  it("keeps the session that changed its own staff flag, and ends the user's others", async () => {
    const [staff, otherStaff] = await Promise.all([createTestUser({ staff: true }), createTestUser({ staff: true })]);
    const cookie = await sessionCookie(staff);
    const elsewhere = await sessionCookie(staff);
    expect((await patch({ cookie, body: { is_staff: false } })).status).toBe(200);
    expect((await me(cookie)).body.is_staff).toBe(false);
    expectError(await me(elsewhere), 401, { type: "authentication_error", code: "not_authenticated" });
    expect(otherStaff.isStaff).toBe(true);
  });
});

describe("PATCH /api/users/@me refuses cross-site writes", () => {
  it.each<[string, Record<string, string>]>([
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }],
    ["a foreign Origin", { origin: "https://evil.example", "sec-fetch-site": "" }],
    ["Origin: null", { origin: "null", "sec-fetch-site": "" }],
    ["no Origin, Sec-Fetch-Site or Referer", { origin: "", "sec-fetch-site": "" }],
  ])("with %s: 403 and the row is unchanged", async (_label, headers) => {
    const user = await createTestUser();
    const before = await reloadUser(user.id);
    const response = await patch({ cookie: await sessionCookie(user), body: { first_name: "Forged" }, headers });
    expectError(response, 403, { type: "authentication_error", code: "csrf_failed", attr: null });
    expect(await reloadUser(user.id)).toEqual(before);
  });

  it("accepts a same-origin Referer when the browser sends no Origin", async () => {
    const user = await createTestUser();
    const response = await patch({
      cookie: await sessionCookie(user),
      body: { first_name: "Referred" },
      headers: { origin: "", "sec-fetch-site": "", referer: "http://localhost:3000/settings" },
    });
    expect(response.status).toBe(200);
    expect((await reloadUser(user.id)).firstName).toBe("Referred");
  });
});
