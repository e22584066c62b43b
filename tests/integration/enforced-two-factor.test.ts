import { describe, expect, it } from "vitest";
import { GET as LIST } from "@/app/api/users/route";
import { DELETE, GET as RETRIEVE, PATCH } from "@/app/api/users/[uuid]/route";
import { GET as SESSIONS } from "@/app/api/users/[uuid]/sessions/route";
import { DELETE as REVOKE } from "@/app/api/users/[uuid]/sessions/[id]/route";
import { POST as REVOKE_OTHERS } from "@/app/api/users/[uuid]/sessions/revoke_others/route";
import { GET as START_SETUP } from "@/app/api/users/[uuid]/two_factor_start_setup/route";
import { GET as START_2FA_SETUP } from "@/app/api/users/[uuid]/start_2fa_setup/route";
import { POST as VALIDATE } from "@/app/api/users/[uuid]/two_factor_validate/route";
import { POST as VALIDATE_2FA } from "@/app/api/users/[uuid]/validate_2fa/route";
import { GET as STATUS } from "@/app/api/users/[uuid]/two_factor_status/route";
import { POST as BACKUP_CODES } from "@/app/api/users/[uuid]/two_factor_backup_codes/route";
import { POST as DISABLE } from "@/app/api/users/[uuid]/two_factor_disable/route";
import { GET as HEALTH } from "@/app/api/health/route";
import { GET as SCHEMA } from "@/app/api/schema/route";
import { db } from "@/lib/db/client";
import { call, sessionCookie, signedInSession } from "../support/requests";
import { addOrganization, createTestUser, reloadUser } from "../support/users";

const setupRequired = { type: "authentication_error", code: "two_factor_setup_required", attr: null } as const;

type User = Awaited<ReturnType<typeof createTestUser>>;

/** A signed-in user whose current (personal) organization enforces two-factor. */
async function memberOfEnforcingOrganization() {
  const user = await createTestUser();
  await db().organization.update({ where: { id: user.currentOrganizationId! }, data: { enforce2fa: true } });
  return { user, cookie: await sessionCookie(user) };
}

/** A device row as `two_factor_validate` leaves it; the gate only asks whether one exists. */
async function enableTwoFactor(user: User) {
  await db().totpDevice.create({ data: { userId: user.id, secretEncrypted: "sealed-elsewhere", keyId: "test" } });
}

const patchMe = (cookie: string, body: unknown) => call(PATCH, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, body });
const listUsers = (cookie: string) => call(LIST, { path: "/api/users", cookie });
const getMe = (cookie: string, uuid = "@me") => call(RETRIEVE, { path: `/api/users/${uuid}`, params: { uuid }, cookie });

/** Every endpoint that stays open; each answers as it would for anyone (a 400 from the handler is not the gate). */
function wayOut(cookie: string, user: User, otherSessionId: string) {
  const at = (route: string) => ({ path: `/api/users/@me/${route}`, params: { uuid: "@me" }, cookie });
  return [
    ["GET @me", () => getMe(cookie), 200],
    ["GET own uuid", () => getMe(cookie, user.uuid), 200],
    ["GET %40me/", () => call(RETRIEVE, { path: "/api/users/%40me/", params: { uuid: "%40me" }, cookie }), 200],
    ["two_factor_status", () => call(STATUS, at("two_factor_status")), 200],
    ["two_factor_start_setup", () => call(START_SETUP, at("two_factor_start_setup")), 200],
    ["start_2fa_setup", () => call(START_2FA_SETUP, at("start_2fa_setup")), 200],
    ["two_factor_validate (wrong code)", () => call(VALIDATE, { ...at("two_factor_validate"), method: "POST", body: { token: "000000" } }), 400],
    ["validate_2fa (wrong code)", () => call(VALIDATE_2FA, { ...at("validate_2fa"), method: "POST", body: { token: "000000" } }), 400],
    ["two_factor_backup_codes (not enabled yet)", () => call(BACKUP_CODES, { ...at("two_factor_backup_codes"), method: "POST" }), 400],
    ["sessions list", () => call(SESSIONS, at("sessions")), 200],
    ["sessions revoke", () => call(REVOKE, { method: "DELETE", path: `/api/users/@me/sessions/${otherSessionId}`, params: { uuid: "@me", id: otherSessionId }, cookie }), 204],
    ["sessions revoke_others", () => call(REVOKE_OTHERS, { ...at("sessions/revoke_others"), method: "POST" }), 200],
    ["health", () => call(HEALTH, { path: "/api/health", cookie }), 200],
    ["schema", () => call(SCHEMA, { path: "/api/schema", cookie }), 200],
  ] as const;
}

describe("a signed-in user whose current organization enforces two-factor, without it", () => {
  it("gets 403 two_factor_setup_required on PATCH @me, and the row does not change", async () => {
    const { user, cookie } = await memberOfEnforcingOrganization();
    const before = await reloadUser(user.id);
    const response = await patchMe(cookie, { first_name: "Changed", theme_mode: "dark" });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject(setupRequired);
    expect(await reloadUser(user.id)).toEqual(before);
  });

  it("gets 403 on the user list, on disabling two-factor and on deleting the account", async () => {
    const { user, cookie } = await memberOfEnforcingOrganization();
    expect(await listUsers(cookie)).toMatchObject({ status: 403, body: setupRequired });
    const disable = await call(DISABLE, { method: "POST", path: "/api/users/@me/two_factor_disable", params: { uuid: "@me" }, cookie, body: { token: "000000" } });
    expect(disable).toMatchObject({ status: 403, body: setupRequired });
    expect(await call(DELETE, { method: "DELETE", path: "/api/users/@me", params: { uuid: "@me" }, cookie })).toMatchObject({ status: 403, body: setupRequired });
    expect((await reloadUser(user.id)).isActive).toBe(true);
  });

  it("may still use every endpoint on the way out: its own user, two-factor setup, its sessions, health and the schema", async () => {
    const { user, cookie } = await memberOfEnforcingOrganization();
    const other = await signedInSession(user);
    for (const [label, request, status] of wayOut(cookie, user, other.id)) {
      const response = await request();
      expect(response.status, `${label}: ${JSON.stringify(response.body)}`).toBe(status);
      expect(response.body?.code, label).not.toBe("two_factor_setup_required");
    }
  });

  it("sees the reason in its own user: the organization enforces it and two-factor is off", async () => {
    const { cookie } = await memberOfEnforcingOrganization();
    expect((await getMe(cookie)).body).toMatchObject({ is_2fa_enabled: false, organization: { enforce_2fa: true } });
  });

  it("is not let through on someone else's user, even as staff", async () => {
    const staff = await createTestUser({ staff: true });
    await db().organization.update({ where: { id: staff.currentOrganizationId! }, data: { enforce2fa: true } });
    const cookie = await sessionCookie(staff);
    const someone = await createTestUser();
    expect(await getMe(cookie, someone.uuid)).toMatchObject({ status: 403, body: setupRequired });
    expect(await getMe(cookie)).toMatchObject({ status: 200 });
  });

  it("passes everywhere once two-factor is on, in the same session", async () => {
    const { user, cookie } = await memberOfEnforcingOrganization();
    expect((await patchMe(cookie, { first_name: "Before" })).status).toBe(403);
    await enableTwoFactor(user);
    expect(await patchMe(cookie, { first_name: "After" })).toMatchObject({ status: 200, body: { first_name: "After", is_2fa_enabled: true } });
    expect((await reloadUser(user.id)).firstName).toBe("After");
    expect((await listUsers(cookie)).status).toBe(200);
  });
});

describe("who is not affected", () => {
  it("a user whose organization does not enforce it (null or false)", async () => {
    for (const enforce2fa of [null, false]) {
      const user = await createTestUser();
      await db().organization.update({ where: { id: user.currentOrganizationId! }, data: { enforce2fa } });
      const cookie = await sessionCookie(user);
      expect((await patchMe(cookie, { first_name: "Free" })).status).toBe(200);
      expect((await listUsers(cookie)).status).toBe(200);
    }
  });

  it("a member of an enforcing organization that is not their current one", async () => {
    const user = await createTestUser();
    const enforcing = await addOrganization(user.id);
    await db().organization.update({ where: { id: enforcing.id }, data: { enforce2fa: true } });
    const cookie = await sessionCookie(user);
    expect((await patchMe(cookie, { first_name: "Free" })).status).toBe(200);
  });

  it("a user whose current organization points at one they no longer belong to (the serializer shows no organization either)", async () => {
    const user = await createTestUser();
    const stranger = await createTestUser();
    await db().organization.update({ where: { id: stranger.currentOrganizationId! }, data: { enforce2fa: true } });
    await db().user.update({ where: { id: user.id }, data: { currentOrganizationId: stranger.currentOrganizationId } });
    const cookie = await sessionCookie(user);
    expect((await listUsers(cookie)).status).toBe(200);
  });
});

describe("switching the current organization", () => {
  it("switching into an enforcing organization closes the API on the next request; switching out opens it again", async () => {
    const user = await createTestUser();
    const enforcing = await addOrganization(user.id);
    await db().organization.update({ where: { id: enforcing.id }, data: { enforce2fa: true } });
    const personal = user.currentOrganizationId!;
    const cookie = await sessionCookie(user);

    expect((await patchMe(cookie, { set_current_organization: enforcing.id })).status).toBe(200);
    expect((await reloadUser(user.id)).currentOrganizationId).toBe(enforcing.id);
    // The way back is closed too: setting up two-factor is the way out, not leaving for another organization.
    expect(await patchMe(cookie, { set_current_organization: personal })).toMatchObject({ status: 403, body: setupRequired });
    expect((await reloadUser(user.id)).currentOrganizationId).toBe(enforcing.id);
    expect(await listUsers(cookie)).toMatchObject({ status: 403, body: setupRequired });

    // Another session (or an admin) moving the user back: the gate follows the current organization.
    await db().user.update({ where: { id: user.id }, data: { currentOrganizationId: personal } });
    expect((await listUsers(cookie)).status).toBe(200);
  });

  it("an organization turning enforcement on takes effect on the members' next request", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    expect((await listUsers(cookie)).status).toBe(200);
    await db().organization.update({ where: { id: user.currentOrganizationId! }, data: { enforce2fa: true } });
    expect(await listUsers(cookie)).toMatchObject({ status: 403, body: setupRequired });
  });
});
