import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as REQUEST_ALL } from "@/app/api/admin/request_credential_review/route";
import { DELETE as DELETE_USER, PATCH as PATCH_USER } from "@/app/api/users/[uuid]/route";
import { GET as LIST_USERS } from "@/app/api/users/route";
import { db } from "@/lib/db/client";
import { useIsolatedDatabase } from "../support/isolated-database";
import { call, signedInSession } from "../support/requests";
import { createTestUser } from "../support/users";

// Actions over the whole users table get a database of this file's own.
let teardown: () => Promise<void>;
beforeAll(async () => {
  ({ teardown } = await useIsolatedDatabase());
});
afterAll(() => teardown());

describe("staff actions over the whole table", () => {
  it("asks everyone but the caller to review their credentials, with one audit entry saying how many", async () => {
    const staff = await createTestUser({ staff: true });
    const users = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
    const { cookie } = await signedInSession(staff);
    const response = await call(REQUEST_ALL, { method: "POST", path: "/api/admin/request_credential_review", cookie });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ requested: 3 });
    const flags = await db().user.findMany({ where: { id: { in: [staff.id, ...users.map((user) => user.id)] } }, select: { id: true, requiresCredentialReview: true } });
    expect(flags.filter((row) => row.requiresCredentialReview).map((row) => row.id).sort()).toEqual(users.map((user) => user.id).sort());
    const entries = await db().auditLogEntry.findMany({ where: { action: "user.credential_review_requested_all" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUuid: staff.uuid, targetUuid: null, changes: { users_asked: { before: null, after: 3 } } });
    // Each user asked reads it in their own activity; the staff member's log does not get it.
    const activity = await db().activityEntry.findMany({ where: { userId: { in: [staff.id, ...users.map((user) => user.id)] } } });
    expect(activity.map((entry) => entry.userId).sort()).toEqual(users.map((user) => user.id).sort());
    for (const entry of activity) {
      expect(entry).toMatchObject({ kind: "staff_action", ip: null, device: null, details: { action: "user.credential_review_requested_all", staff: staff.email, fields: [] } });
    }
    await db().user.deleteMany({});
  });

  it("two staff demoting each other at once: one wins, one staff user is left, one entry is written", async () => {
    const [first, second] = await Promise.all([createTestUser({ staff: true }), createTestUser({ staff: true })]);
    const [a, b] = await Promise.all([signedInSession(first), signedInSession(second)]);
    const demote = (cookie: string, uuid: string) => call(PATCH_USER, { method: "PATCH", path: `/api/users/${uuid}`, params: { uuid }, cookie, body: { is_staff: false } });
    const responses = await Promise.all([demote(a.cookie, second.uuid), demote(b.cookie, first.uuid)]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(await db().user.count({ where: { isStaff: true } })).toBe(1);
    expect(await db().auditLogEntry.count({ where: { action: "user.staff_changed" } })).toBe(1);
  });

  it("the list's counts stay exact through sign-ups, bulk inserts, staff changes, deactivation and deletion", async () => {
    await db().user.deleteMany({});
    const staff = await createTestUser({ staff: true });
    const { cookie } = await signedInSession(staff);
    const listedCount = async (filter: string) => (await call(LIST_USERS, { method: "GET", path: `/api/users/${filter}`, cookie })).body.count;
    const expectExactCounts = async () => {
      const [all, staffOnly, others] = await Promise.all([listedCount(""), listedCount("?is_staff=true"), listedCount("?is_staff=false")]);
      expect({ all, staffOnly, others }).toEqual({
        all: await db().user.count({ where: { isActive: true } }),
        staffOnly: await db().user.count({ where: { isActive: true, isStaff: true } }),
        others: await db().user.count({ where: { isActive: true, isStaff: false } }),
      });
      return all;
    };
    expect(await expectExactCounts()).toBe(1);

    const users = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
    await db().user.createMany({ data: Array.from({ length: 5 }, (_, n) => ({ email: `bulk-${n}-${staff.uuid}@example.test`, distinctId: `bulk-${n}-${staff.uuid}` })) });
    expect(await expectExactCounts()).toBe(9);

    const promote = await call(PATCH_USER, { method: "PATCH", path: `/api/users/${users[0].uuid}`, params: { uuid: users[0].uuid }, cookie, body: { is_staff: true } });
    expect(promote.status).toBe(200);
    await db().user.update({ where: { id: users[1].id }, data: { isActive: false } });
    await db().user.update({ where: { id: users[2].id }, data: { firstName: "Renamed" } });
    expect(await expectExactCounts()).toBe(8);

    const removed = await call(DELETE_USER, { method: "DELETE", path: `/api/users/${users[0].uuid}`, params: { uuid: users[0].uuid }, cookie });
    expect(removed.status).toBe(204);
    await db().user.deleteMany({ where: { email: { startsWith: "bulk-" } } });
    expect(await expectExactCounts()).toBe(2);
  });
});
