import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, PATCH } from "@/app/api/users/[uuid]/route";
import { db } from "@/lib/db/client";
import { expectError } from "../support/envelope";
import { useIsolatedDatabase } from "../support/isolated-database";
import { call, sessionCookie } from "../support/requests";
import { createTestUser, reloadUser } from "../support/users";

/*
 * "Last staff user" is a fact about the whole users table, and other files create staff users in
 * accounts_test concurrently. This file therefore gets a database of its own, where it decides
 * exactly who is staff, and drives the real route handlers against it.
 */
let teardown: () => Promise<void>;
beforeAll(async () => {
  ({ teardown } = await useIsolatedDatabase());
});
afterAll(async () => {
  await teardown();
});

const lastStaff = { type: "invalid_request", code: "last_staff_user", attr: null } as const;

describe("the last active staff user", () => {
  it("cannot be demoted or deleted; once another staff user exists, can be", async () => {
    const [admin, member] = await Promise.all([createTestUser({ staff: true }), createTestUser()]);
    const inactiveStaff = await createTestUser({ staff: true });
    await db().user.update({ where: { id: inactiveStaff.id }, data: { isActive: false } });
    expect(await db().user.count({ where: { isStaff: true, isActive: true } })).toBe(1);

    const cookie = await sessionCookie(admin);
    const before = await reloadUser(admin.id);
    const demote = await call(PATCH, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, body: { is_staff: false, first_name: "Still" } });
    expectError(demote, 409, lastStaff);
    const remove = await call(DELETE, { method: "DELETE", path: "/api/users/@me", params: { uuid: "@me" }, cookie });
    expectError(remove, 409, lastStaff);
    expect(await reloadUser(admin.id)).toEqual(before);

    const promote = await call(PATCH, { method: "PATCH", path: `/api/users/${member.uuid}`, params: { uuid: member.uuid }, cookie, body: { is_staff: true } });
    expect(promote.status).toBe(200);

    const demoteNow = await call(PATCH, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, body: { is_staff: false } });
    expect(demoteNow.status).toBe(200);
    expect(demoteNow.body.is_staff).toBe(false);
    expect(await reloadUser(admin.id)).toMatchObject({ isStaff: false });

    const promoted = await reloadUser(member.id);
    const removeLast = await call(DELETE, {
      method: "DELETE",
      path: "/api/users/@me",
      params: { uuid: "@me" },
      cookie: await sessionCookie(promoted),
    });
    expectError(removeLast, 409, lastStaff);
    expect(await db().user.count({ where: { id: member.id } })).toBe(1);
  });
});
