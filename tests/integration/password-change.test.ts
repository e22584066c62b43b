import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET, PATCH } from "@/app/api/users/[uuid]/route";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { withoutPasswordHash, type Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { setNewPassword } from "@/lib/users/password-change";
import { expectError, issuesOf } from "../support/envelope";
import { call, signedInSession } from "../support/requests";
import { TEST_PASSWORD, createTestUser, reloadUser } from "../support/users";

// Personal API keys arrive with their own issue; a key caller is injected, as in session-only-routes.
const injected = vi.hoisted(() => ({ principal: null as Principal | null }));
vi.mock("@/lib/auth/principal", async (original) => {
  const actual = await original<typeof import("@/lib/auth/principal")>();
  return { ...actual, authenticate: async (...args: Parameters<typeof actual.authenticate>) => injected.principal ?? actual.authenticate(...args) };
});
beforeEach(() => {
  injected.principal = null;
});

const NEW_PASSWORD = "a quiet tundra lantern at dawn";
const patch = (cookie: string | undefined, body: unknown, uuid = "@me") =>
  call(PATCH, { method: "PATCH", path: `/api/users/${uuid}`, params: { uuid }, cookie, body });
const me = (cookie: string) => call(GET, { path: "/api/users/@me", params: { uuid: "@me" }, cookie });
const signIn = (email: string, password: string) => authorizeCredentials({ email, password }, new Headers());
const validation = (code: string, attr: string) => ({ type: "validation_error", code, attr });
// A sign-in from the test's own client is a new device to these accounts; that mail is tested in account-activity.test.ts.
const mailsTo = (email: string) => db().outboxEmail.findMany({ where: { to: email, NOT: { subject: { contains: "New sign-in" } } } });

async function userWithSessions() {
  const user = await createTestUser();
  const [current, other] = [await signedInSession(user), await signedInSession(user)];
  return { user, current, other };
}

describe("PATCH /api/users/@me {password, current_password}", () => {
  it("changes the password: this session lives on under a new id, the other one ends, a notice is mailed", async () => {
    const { user, current, other } = await userWithSessions();
    const response = await patch(current.cookie, { current_password: TEST_PASSWORD, password: NEW_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty("password");
    expect(response.body).not.toHaveProperty("current_password");
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^next-auth\.session-token=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    const renewed = setCookie.split(";")[0]!;
    expect((await me(renewed)).status).toBe(200);
    expectError(await me(current.cookie), 401, { type: "authentication_error", code: "not_authenticated" });
    const rows = await db().session.findMany({ where: { userId: user.id, revokedAt: null } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ deviceLabel: "Test runner" });
    expect(rows[0]!.id).not.toBe(current.id);
    expectError(await me(other.cookie), 401, { type: "authentication_error", code: "not_authenticated" });
    expect(await signIn(user.email, TEST_PASSWORD)).toBeNull();
    expect(await signIn(user.email, NEW_PASSWORD)).toMatchObject({ id: user.uuid });
    const mails = await mailsTo(user.email);
    expect(mails.map((mail) => mail.subject)).toEqual([expect.stringContaining("password was changed")]);
    expect(mails[0]?.text).toContain("Test runner");
    expect(mails[0]?.text).toContain("(1)");
  });

  it("needs current_password: 400 naming it, and nothing changes", async () => {
    const { user, current, other } = await userWithSessions();
    const before = await reloadUser(user.id);
    expectError(await patch(current.cookie, { password: NEW_PASSWORD }), 400, validation("required", "current_password"));
    expectError(await patch(current.cookie, { password: NEW_PASSWORD, current_password: "" }), 400, validation("required", "current_password"));
    expect(await reloadUser(user.id)).toEqual(before);
    expect((await me(other.cookie)).status).toBe(200);
    expect(await mailsTo(user.email)).toEqual([]);
  });

  it("refuses a wrong current_password with 400 incorrect_password, and the row is unchanged", async () => {
    const { user, current, other } = await userWithSessions();
    const before = await reloadUser(user.id);
    const response = await patch(current.cookie, { current_password: "not-the-password", password: NEW_PASSWORD, first_name: "Changed" });
    expectError(response, 400, validation("incorrect_password", "current_password"));
    expect(await reloadUser(user.id)).toEqual(before);
    expect((await me(other.cookie)).status).toBe(200);
    expect(await signIn(user.email, TEST_PASSWORD)).not.toBeNull();
  });

  it.each([
    ["short", "1234567", "invalid_input"],
    ["blank", "", "invalid_input"],
    ["too long", "x".repeat(257), "max_length"],
    ["common", "password123", "password_too_common"],
    ["the email", null, "password_too_similar"],
  ])("refuses a %s new password with 400 naming password", async (_label, candidate, code) => {
    const { user, current } = await userWithSessions();
    const before = await reloadUser(user.id);
    const response = await patch(current.cookie, { current_password: TEST_PASSWORD, password: candidate ?? user.email });
    expectError(response, 400, validation(code, "password"));
    expect(await reloadUser(user.id)).toEqual(before);
  });

  it("checks the current password before the new one's strength", async () => {
    const { current } = await userWithSessions();
    expectError(await patch(current.cookie, { current_password: "wrong-guess-here", password: "123" }), 400, validation("incorrect_password", "current_password"));
  });

  it.each([
    ["a 64-character passphrase", "the hedgehog walks at midnight under a pale and quiet moon again"],
    ["a 256-character passphrase", "ünïcødé pässphrâse — 日本語のパスワード 🦔 ".repeat(8).slice(0, 256)],
    ["emoji and CJK", "🦔🦔 秘密の合言葉 🦔🦔"],
  ])("accepts %s, and sign-in takes it", async (_label, password) => {
    const { user, current } = await userWithSessions();
    expect((await patch(current.cookie, { current_password: TEST_PASSWORD, password })).status).toBe(200);
    expect(await signIn(user.email, password)).not.toBeNull();
  });

  it("never truncates: 72 bytes then X is not the same password as the 72 bytes", async () => {
    const { user, current } = await userWithSessions();
    const prefix = "a".repeat(36) + "b".repeat(36);
    expect((await patch(current.cookie, { current_password: TEST_PASSWORD, password: `${prefix}X` })).status).toBe(200);
    expect(await signIn(user.email, prefix)).toBeNull();
    expect(await signIn(user.email, `${prefix}X`)).not.toBeNull();
  });

  it("treats a password typed in NFD as the same as NFC, at change and at sign-in", async () => {
    const { user, current } = await userWithSessions();
    const composed = "crème brûlée au café";
    expect((await patch(current.cookie, { current_password: TEST_PASSWORD, password: composed.normalize("NFD") })).status).toBe(200);
    expect(await signIn(user.email, composed.normalize("NFC"))).not.toBeNull();
    expect(await signIn(user.email, composed.normalize("NFD"))).not.toBeNull();
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).not.toBeNull();
  });

  it("lets an account without a password set one without current_password", async () => {
    const { user, current, other } = await userWithSessions();
    await db().user.update({ where: { id: user.id }, data: { passwordHash: null } });
    const response = await patch(current.cookie, { password: NEW_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.has_password).toBe(true);
    expect(await signIn(user.email, NEW_PASSWORD)).not.toBeNull();
    expectError(await me(other.cookie), 401, { type: "authentication_error", code: "not_authenticated" });
  });

  it("asks for the new password when only current_password is sent", async () => {
    const { current } = await userWithSessions();
    expectError(await patch(current.cookie, { current_password: TEST_PASSWORD }), 400, validation("required", "password"));
  });

  it("limits attempts per user: the 6th within a minute is 429 with Retry-After, even with the right password", async () => {
    const { user, current } = await userWithSessions();
    for (let attempt = 0; attempt < 5; attempt++) {
      expectError(await patch(current.cookie, { current_password: `wrong-${attempt}-guess`, password: NEW_PASSWORD }), 400, validation("incorrect_password", "current_password"));
    }
    const refused = await patch(current.cookie, { current_password: TEST_PASSWORD, password: NEW_PASSWORD });
    expectError(refused, 429, { type: "throttled_error", code: "throttled" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await signIn(user.email, TEST_PASSWORD)).not.toBeNull();
    // The budget is the user's, not the session's, and other fields are never counted.
    const another = await signedInSession(user);
    expectError(await patch(another.cookie, { current_password: TEST_PASSWORD, password: NEW_PASSWORD }), 429, { type: "throttled_error", code: "throttled" });
    for (let i = 0; i < 7; i++) expect((await patch(current.cookie, { first_name: `Name ${i}` })).status).toBe(200);
  });

  it("answers 403 for another user's uuid, also for staff, and the row is re-read unchanged", async () => {
    const [member, staff, victim] = await Promise.all([createTestUser(), createTestUser({ staff: true }), createTestUser()]);
    const victimSession = await signedInSession(victim);
    const before = await reloadUser(victim.id);
    for (const caller of [member, staff]) {
      const { cookie } = await signedInSession(caller);
      const response = await patch(cookie, { current_password: TEST_PASSWORD, password: NEW_PASSWORD }, victim.uuid);
      expectError(response, 403, { type: "authentication_error", code: "permission_denied", attr: null });
    }
    expect(await reloadUser(victim.id)).toEqual(before);
    expect((await me(victimSession.cookie)).status).toBe(200);
    expect(await signIn(victim.email, TEST_PASSWORD)).not.toBeNull();
  });

  it("refuses a personal API key with 403, even with every scope and the right password", async () => {
    const user = await createTestUser();
    const session = await signedInSession(user);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    injected.principal = { ...withoutPasswordHash(row), method: "personal_api_key", scopes: "*", apiKeyId: randomUUID(), session: null, currentOrganizationEnforces2fa: false };
    const before = await reloadUser(user.id);
    const response = await patch(undefined, { current_password: TEST_PASSWORD, password: NEW_PASSWORD });
    expectError(response, 403, { type: "authentication_error", code: "permission_denied", attr: null });
    expect(await reloadUser(user.id)).toEqual(before);
    injected.principal = null;
    expect((await me(session.cookie)).status).toBe(200);
  });

  it("applies the other fields of the same patch with the password, in one go", async () => {
    const { user, current } = await userWithSessions();
    const response = await patch(current.cookie, { current_password: TEST_PASSWORD, password: NEW_PASSWORD, first_name: "Renamed" });
    expect(response.status).toBe(200);
    expect(await reloadUser(user.id)).toMatchObject({ firstName: "Renamed" });
  });

  it("lists every new-password issue at once", async () => {
    const { current } = await userWithSessions();
    const response = await patch(current.cookie, { current_password: TEST_PASSWORD, password: "short" });
    expect(issuesOf(response)).toEqual([{ attr: "password", code: "invalid_input" }]);
  });
});

describe("setNewPassword (the reset flow's entry point)", () => {
  it("sets the password, ends every session but the kept one, and mails the notice", async () => {
    const { user, current, other } = await userWithSessions();
    expect(await setNewPassword(user.id, NEW_PASSWORD, { keepSessionId: current.id })).toEqual({ revokedSessions: 1 });
    expect((await me(current.cookie)).status).toBe(200);
    expect((await me(other.cookie)).status).toBe(401);
    expect(await signIn(user.email, NEW_PASSWORD)).not.toBeNull();
    expect(await mailsTo(user.email)).toHaveLength(1);
  });

  it("with keepSessionId null ends them all, and applies the policy under the given attr", async () => {
    const { user, current } = await userWithSessions();
    await expect(setNewPassword(user.id, "password123", { keepSessionId: null, attr: "new_password" })).rejects.toMatchObject({ status: 400, attr: "new_password" });
    await setNewPassword(user.id, NEW_PASSWORD, { keepSessionId: null });
    expect((await me(current.cookie)).status).toBe(401);
  });
});
