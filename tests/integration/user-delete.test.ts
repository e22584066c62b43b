import { describe, expect, it } from "vitest";
import { DELETE, GET } from "@/app/api/users/[uuid]/route";
import { db } from "@/lib/db/client";
import { expectError } from "../support/envelope";
import { call, sessionCookie } from "../support/requests";
import { addOrganization, createTestUser, reloadUser } from "../support/users";

const remove = (options: { uuid?: string; cookie?: string; headers?: Record<string, string> }) => {
  const uuid = options.uuid ?? "@me";
  return call(DELETE, { method: "DELETE", path: `/api/users/${uuid}`, params: { uuid }, cookie: options.cookie, headers: options.headers });
};

async function exists(id: number): Promise<boolean> {
  return (await db().user.count({ where: { id } })) === 1;
}

describe("DELETE /api/users/:uuid", () => {
  it("deletes the caller's own account and memberships with 204, ending the session", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    expect(await db().organizationMembership.count({ where: { userId: user.id } })).toBe(1);

    const response = await remove({ cookie });
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    expect(await exists(user.id)).toBe(false);
    expect(await db().organizationMembership.count({ where: { userId: user.id } })).toBe(0);
    expect((await call(GET, { path: "/api/users/@me", params: { uuid: "@me" }, cookie })).status).toBe(401);
  });

  it("takes the organizations only they belonged to, and leaves shared ones to the other members", async () => {
    const [user, colleague] = await Promise.all([createTestUser(), createTestUser()]);
    const personal = (await reloadUser(user.id)).currentOrganizationId;
    const shared = await addOrganization(user.id, 2);
    await db().organizationMembership.create({ data: { organizationId: shared.id, userId: colleague.id } });

    expect((await remove({ cookie: await sessionCookie(user) })).status).toBe(204);
    expect(await db().organization.count({ where: { id: personal ?? "" } })).toBe(0);
    expect(await db().team.count({ where: { organizationId: personal ?? "" } })).toBe(0);
    expect(await db().organization.count({ where: { id: shared.id } })).toBe(1);
    expect(await db().team.count({ where: { organizationId: shared.id } })).toBe(2);
    expect(await db().organizationMembership.count({ where: { organizationId: shared.id } })).toBe(1);
  });

  it("lets staff delete another user", async () => {
    const [staff, user] = await Promise.all([createTestUser({ staff: true }), createTestUser()]);
    const response = await remove({ uuid: user.uuid, cookie: await sessionCookie(staff) });
    expect(response.status).toBe(204);
    expect(await exists(user.id)).toBe(false);
    expect(await exists(staff.id)).toBe(true);
  });

  it("answers a non-staff user deleting someone else with 403; the other still exists", async () => {
    const [attacker, victim] = await Promise.all([createTestUser(), createTestUser()]);
    const before = await reloadUser(victim.id);
    const response = await remove({ uuid: victim.uuid, cookie: await sessionCookie(attacker) });
    expectError(response, 403, { type: "authentication_error", code: "permission_denied", attr: null });
    expect(await reloadUser(victim.id)).toEqual(before);
  });

  it("answers an anonymous caller with 401", async () => {
    const user = await createTestUser();
    expectError(await remove({ uuid: user.uuid }), 401, { type: "authentication_error", code: "not_authenticated", attr: null });
    expect(await exists(user.id)).toBe(true);
  });

  it("refuses personal API keys (session only), even beside a valid session cookie", async () => {
    const user = await createTestUser();
    const response = await remove({ cookie: await sessionCookie(user), headers: { authorization: "Bearer phx_unknown" } });
    expectError(response, 401, { type: "authentication_error", code: "authentication_failed" });
    expect(await exists(user.id)).toBe(true);
  });

  it("refuses a cross-site request with 403; the account still exists", async () => {
    const user = await createTestUser();
    const response = await remove({ cookie: await sessionCookie(user), headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expectError(response, 403, { type: "authentication_error", code: "csrf_failed", attr: null });
    expect(await exists(user.id)).toBe(true);
  });

  it("answers an over-long id with 400 naming uuid", async () => {
    const staff = await createTestUser({ staff: true });
    const response = await remove({ uuid: "x".repeat(101), cookie: await sessionCookie(staff) });
    expectError(response, 400, { type: "validation_error", code: "max_length", attr: "uuid" });
  });

  it("answers staff deleting an unknown user with 404", async () => {
    const staff = await createTestUser({ staff: true });
    const response = await remove({ uuid: "00000000-0000-4000-8000-000000000000", cookie: await sessionCookie(staff) });
    expectError(response, 404, { type: "invalid_request", code: "not_found", attr: null });
  });
});
