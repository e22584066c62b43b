import { describe, expect, it } from "vitest";
import { GET as AUDIT_LOG } from "@/app/api/admin/audit_log/route";
import { POST as REQUEST_ALL } from "@/app/api/admin/request_credential_review/route";
import { POST as REQUEST_ONE } from "@/app/api/admin/users/[uuid]/request_credential_review/route";
import { GET as LIST_USERS } from "@/app/api/users/route";
import { DELETE as DELETE_USER, PATCH as PATCH_USER } from "@/app/api/users/[uuid]/route";
import { db } from "@/lib/db/client";
import { expectError } from "../support/envelope";
import { bearer, createKeyFor } from "../support/personal-api-keys";
import { call, signedInSession } from "../support/requests";
import { createTestUser, reloadUser } from "../support/users";

const entriesFor = (targetUuid: string) => db().auditLogEntry.findMany({ where: { targetUuid }, orderBy: { id: "asc" } });

async function staffSession(ip = "203.0.113.7") {
  const staff = await createTestUser({ staff: true });
  const { cookie } = await signedInSession(staff, Date.now(), { ip });
  return { staff, cookie };
}

const patchUser = (cookie: string, uuid: string, body: unknown) =>
  call(PATCH_USER, { method: "PATCH", path: `/api/users/${uuid}`, params: { uuid }, cookie, body });
const auditLog = (cookie: string | undefined, search = "", headers?: Record<string, string>) =>
  call(AUDIT_LOG, { path: `/api/admin/audit_log${search}`, cookie, headers });

describe("the audit log records what staff do to other accounts", () => {
  it("a staff flag change: actor, target, before and after, the client address, in the write's transaction", async () => {
    const { staff, cookie } = await staffSession();
    const user = await createTestUser();
    expect((await patchUser(cookie, user.uuid, { is_staff: true })).status).toBe(200);
    const [entry] = await entriesFor(user.uuid);
    expect(entry).toMatchObject({
      action: "user.staff_changed",
      actorUuid: staff.uuid,
      actorEmail: staff.email,
      targetEmail: user.email,
      changes: { is_staff: { before: false, after: true } },
      ip: "203.0.113.7",
    });
  });

  it("other staff writes to a user's settings, with each changed field; an unchanged field is left out", async () => {
    const { cookie } = await staffSession();
    const user = await createTestUser({ firstName: "Before" });
    await patchUser(cookie, user.uuid, { first_name: "After", theme_mode: "dark", last_name: "" });
    const [entry] = await entriesFor(user.uuid);
    expect(entry?.action).toBe("user.updated");
    expect(entry?.changes).toEqual({ first_name: { before: "Before", after: "After" }, theme_mode: { before: null, after: "dark" } });
  });

  it("people changing themselves, staff included, are not audited", async () => {
    const { staff, cookie } = await staffSession();
    await patchUser(cookie, "@me", { first_name: "Self" });
    expect(await entriesFor(staff.uuid)).toEqual([]);
  });

  it("a refused change writes no entry (the last staff user, a bad field)", async () => {
    const { cookie } = await staffSession();
    const user = await createTestUser();
    expectError(await patchUser(cookie, user.uuid, { first_name: 5 }), 400, { type: "validation_error", code: "invalid_input", attr: "first_name" });
    expect(await entriesFor(user.uuid)).toEqual([]);
  });

  it("a deletion, with the target kept after the account is gone", async () => {
    const { staff, cookie } = await staffSession();
    const user = await createTestUser();
    const response = await call(DELETE_USER, { method: "DELETE", path: `/api/users/${user.uuid}`, params: { uuid: user.uuid }, cookie });
    expect(response.status).toBe(204);
    expect(await db().user.findUnique({ where: { id: user.id } })).toBeNull();
    const [entry] = await entriesFor(user.uuid);
    expect(entry).toMatchObject({ action: "user.deleted", actorUuid: staff.uuid, targetEmail: user.email });
  });

  it("a credential-review request for one user (204)", async () => {
    const { cookie } = await staffSession();
    const user = await createTestUser();
    const one = await call(REQUEST_ONE, { method: "POST", path: `/api/admin/users/${user.uuid}/request_credential_review`, params: { uuid: user.uuid }, cookie });
    expect(one.status).toBe(204);
    expect((await reloadUser(user.id)).requiresCredentialReview).toBe(true);
    expect((await entriesFor(user.uuid)).map((entry) => entry.action)).toEqual(["user.credential_review_requested"]);
  });

  it("refuses non-staff (403, nothing changed), anonymous callers and keys (401)", async () => {
    const [user, target] = await Promise.all([createTestUser(), createTestUser()]);
    const { cookie } = await signedInSession(user);
    const refused = await call(REQUEST_ONE, { method: "POST", path: `/api/admin/users/@me/request_credential_review`, params: { uuid: "@me" }, cookie });
    expectError(refused, 403, { type: "authentication_error", code: "permission_denied" });
    const other = await call(REQUEST_ONE, { method: "POST", path: `/api/admin/users/${target.uuid}/request_credential_review`, params: { uuid: target.uuid }, cookie });
    expectError(other, 403, { type: "authentication_error", code: "permission_denied" });
    expect((await reloadUser(target.id)).requiresCredentialReview).toBe(false);
    expectError(await call(REQUEST_ALL, { method: "POST", path: "/api/admin/request_credential_review", cookie }), 403, { type: "authentication_error", code: "permission_denied" });
    expectError(await auditLog(cookie), 403, { type: "authentication_error", code: "permission_denied" });
    expectError(await auditLog(undefined), 401, { type: "authentication_error", code: "not_authenticated" });
    const staff = await createTestUser({ staff: true });
    const key = await createKeyFor(staff, ["user:read", "user:write"]);
    expectError(await auditLog(undefined, "", bearer(key.value)), 401, { type: "authentication_error", code: "not_authenticated" });
  });
});

describe("GET /api/admin/audit_log", () => {
  it("lists newest first, filtered by target, actor and action, paginated", async () => {
    const { staff, cookie } = await staffSession();
    const user = await createTestUser();
    await patchUser(cookie, user.uuid, { is_staff: true });
    await patchUser(cookie, user.uuid, { is_staff: false });
    await patchUser(cookie, user.uuid, { first_name: "Renamed" });
    const page = await auditLog(cookie, `?target=${user.uuid}&limit=2`);
    expect(page.status).toBe(200);
    expect(page.body.count).toBe(3);
    expect(page.body.results.map((entry: { action: string }) => entry.action)).toEqual(["user.updated", "user.staff_changed"]);
    expect(page.body.results[1]).toMatchObject({ actor: { uuid: staff.uuid, email: staff.email }, target: { uuid: user.uuid, email: user.email }, changes: { is_staff: { before: true, after: false } } });
    expect(page.body.next).toContain("offset=2");
    const byAction = await auditLog(cookie, `?target=${user.uuid}&action=user.staff_changed`);
    expect(byAction.body.count).toBe(2);
    const byActor = await auditLog(cookie, `?actor=${staff.uuid}`);
    expect(byActor.body.count).toBe(3);
  });

  it.each([
    ["?target=not-a-uuid", "target", "invalid_input"],
    ["?action=user.hacked", "action", "invalid_choice"],
    ["?limit=0", "limit", "min_value"],
  ])("refuses %s with 400 naming the parameter", async (search, attr, code) => {
    const { cookie } = await staffSession();
    expectError(await auditLog(cookie, search), 400, { type: "validation_error", code, attr });
  });

  it("is append-only in the database itself", async () => {
    const { cookie } = await staffSession();
    const user = await createTestUser();
    await patchUser(cookie, user.uuid, { first_name: "Changed" });
    const [entry] = await entriesFor(user.uuid);
    expect(await db().$executeRaw`UPDATE audit_log SET "actorEmail" = 'someone@else' WHERE id = ${entry!.id}`).toBe(0);
    expect(await db().$executeRaw`DELETE FROM audit_log WHERE id = ${entry!.id}`).toBe(0);
    expect((await entriesFor(user.uuid))[0]?.actorEmail).toBe(entry!.actorEmail);
  });
});

describe("GET /api/users?search=", () => {
  it("finds users whose email starts with the text, case-insensitively, wildcards taken literally", async () => {
    const { cookie } = await staffSession();
    const user = await createTestUser();
    const prefix = user.email.slice(0, 12);
    const found = await call(LIST_USERS, { path: `/api/users?search=${encodeURIComponent(prefix.toUpperCase())}`, cookie });
    expect(found.status).toBe(200);
    expect(found.body.results.map((row: { email: string }) => row.email)).toEqual([user.email]);
    const wildcard = await call(LIST_USERS, { path: `/api/users?search=${encodeURIComponent("user-%")}`, cookie });
    expect(wildcard.body.count).toBe(0);
    const underscore = await call(LIST_USERS, { path: `/api/users?search=${encodeURIComponent(prefix.slice(0, 5) + "_")}`, cookie });
    expect(underscore.body.count).toBe(0);
  });

  it("answers last_login in the user", async () => {
    const { cookie } = await staffSession();
    const user = await createTestUser();
    await db().user.update({ where: { id: user.id }, data: { lastLogin: new Date("2026-11-30T10:00:00Z") } });
    const found = await call(LIST_USERS, { path: `/api/users?email=${encodeURIComponent(user.email)}`, cookie });
    expect(found.body.results[0].last_login).toBe("2026-11-30T10:00:00.000Z");
  });
});
