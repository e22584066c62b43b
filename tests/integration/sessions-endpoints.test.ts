import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as LIST } from "@/app/api/users/[uuid]/sessions/route";
import { DELETE as REVOKE } from "@/app/api/users/[uuid]/sessions/[id]/route";
import { POST as REVOKE_OTHERS } from "@/app/api/users/[uuid]/sessions/revoke_others/route";
import { GET as ME } from "@/app/api/users/[uuid]/route";
import { db } from "@/lib/db/client";
import { expectError } from "../support/envelope";
import { call, signedInSession } from "../support/requests";
import { createTestUser } from "../support/users";

const list = (cookie?: string, uuid = "@me", query = "") =>
  call(LIST, { path: `/api/users/${uuid}/sessions${query}`, params: { uuid }, cookie });
const revoke = (cookie: string | undefined, id: string, uuid = "@me") =>
  call(REVOKE, { method: "DELETE", path: `/api/users/${uuid}/sessions/${id}`, params: { uuid, id }, cookie });
const revokeOthers = (cookie?: string, uuid = "@me") =>
  call(REVOKE_OTHERS, { method: "POST", path: `/api/users/${uuid}/sessions/revoke_others`, params: { uuid }, cookie });
const me = (cookie: string) => call(ME, { path: "/api/users/@me", params: { uuid: "@me" }, cookie });

const notAuthenticated = { type: "authentication_error", code: "not_authenticated", attr: null } as const;
const forbidden = { type: "authentication_error", code: "permission_denied", attr: null } as const;
const rowsOf = (userId: number) => db().session.findMany({ where: { userId }, orderBy: { id: "asc" } });
const minutesAgo = (minutes: number) => Date.now() - minutes * 60 * 1000;

describe("GET /api/users/@me/sessions", () => {
  it("lists the caller's live sessions, the current one first and marked, then newest first", async () => {
    const user = await createTestUser();
    const oldest = await signedInSession(user, minutesAgo(30), { ip: "127.0.0.2", userAgent: "curl/8.5.0" });
    const current = await signedInSession(user, minutesAgo(20), { ip: "127.0.0.2" });
    const newest = await signedInSession(user, minutesAgo(10), { ip: "127.0.0.3" });
    const response = await list(current.cookie);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ count: 3, next: null, previous: null });
    expect(response.body.results.map((row: { id: string }) => row.id)).toEqual([current.id, newest.id, oldest.id]);
    expect(response.body.results.map((row: { is_current: boolean }) => row.is_current)).toEqual([true, false, false]);
    expect(response.body.results[0]).toMatchObject({ ip: "127.0.0.2", sign_in_method: "password", device: "Test runner" });
  });

  it("marks a sign-in from an address the user never signed in from before as a new location", async () => {
    const user = await createTestUser();
    const first = await signedInSession(user, minutesAgo(30), { ip: "127.0.0.2" });
    const again = await signedInSession(user, minutesAgo(20), { ip: "127.0.0.2" });
    const elsewhere = await signedInSession(user, minutesAgo(10), { ip: "127.0.0.9" });
    const flags = Object.fromEntries((await list(first.cookie)).body.results.map((row: { id: string; is_new_location: boolean }) => [row.id, row.is_new_location]));
    expect(flags).toEqual({ [first.id]: false, [again.id]: false, [elsewhere.id]: true });
  });

  it("leaves out signed-out, idle and expired sessions, and other users' sessions", async () => {
    const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
    const current = await signedInSession(user);
    const signedOut = await signedInSession(user);
    await db().session.update({ where: { id: signedOut.id }, data: { revokedAt: new Date() } });
    const idle = await signedInSession(user, minutesAgo(60 * 24 * 20));
    await db().session.update({ where: { id: idle.id }, data: { lastSeenAt: new Date(minutesAgo(60 * 24 * 15)) } });
    await signedInSession(other);
    const response = await list(current.cookie);
    expect(response.body.results.map((row: { id: string }) => row.id)).toEqual([current.id]);
    expect(response.body.count).toBe(1);
  });

  it("pages with limit and offset, with next links", async () => {
    const user = await createTestUser();
    const current = await signedInSession(user);
    for (let i = 0; i < 3; i++) await signedInSession(user, minutesAgo(i + 1));
    const page = await list(current.cookie, "@me", "?limit=2");
    expect(page.body.results).toHaveLength(2);
    expect(page.body.count).toBe(4);
    expect(page.body.next).toMatch(/limit=2&offset=2$/);
    expectError(await list(current.cookie, "@me", "?limit=0"), 400, { type: "validation_error", code: "min_value", attr: "limit" });
  });

  it("refuses anonymous callers, and other users' sessions, even for staff", async () => {
    const [user, staff] = await Promise.all([createTestUser(), createTestUser({ staff: true })]);
    const mine = await signedInSession(user);
    expectError(await list(undefined), 401, notAuthenticated);
    expectError(await list((await signedInSession(staff)).cookie, user.uuid), 403, forbidden);
    const stranger = await createTestUser();
    expectError(await list(mine.cookie, stranger.uuid), 403, forbidden);
    expect((await list(mine.cookie, user.uuid)).status).toBe(200);
  });
});

describe("DELETE /api/users/@me/sessions/:id", () => {
  it("signs one other device out: its next request is refused, the current one goes on", async () => {
    const user = await createTestUser();
    const [current, laptop, phone] = [await signedInSession(user), await signedInSession(user), await signedInSession(user)];
    const response = await revoke(current.cookie, laptop.id);
    expect(response.status).toBe(204);
    expectError(await me(laptop.cookie), 401, notAuthenticated);
    expect((await me(current.cookie)).status).toBe(200);
    expect((await me(phone.cookie)).status).toBe(200);
    expect((await list(current.cookie)).body.results.map((row: { id: string }) => row.id)).not.toContain(laptop.id);
  });

  it("answers another user's session id with 404 and changes nothing", async () => {
    const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
    const mine = await signedInSession(user);
    const theirs = await signedInSession(other);
    const before = await rowsOf(other.id);
    expectError(await revoke(mine.cookie, theirs.id), 404, { type: "invalid_request", code: "not_found", attr: null });
    expectError(await revoke(mine.cookie, randomUUID()), 404, { type: "invalid_request", code: "not_found", attr: null });
    expect(await rowsOf(other.id)).toEqual(before);
    expect((await me(theirs.cookie)).status).toBe(200);
  });

  it("refuses the current session (sign out does that), a malformed id, anonymous callers and other users' paths", async () => {
    const [user, staff, other] = await Promise.all([createTestUser(), createTestUser({ staff: true }), createTestUser()]);
    const mine = await signedInSession(user);
    const theirs = await signedInSession(other);
    expectError(await revoke(mine.cookie, mine.id), 409, { type: "invalid_request", code: "current_session", attr: null });
    expectError(await revoke(mine.cookie, "not-a-uuid"), 400, { type: "validation_error", code: "invalid_input", attr: "id" });
    expectError(await revoke(undefined, theirs.id), 401, notAuthenticated);
    expectError(await revoke((await signedInSession(staff)).cookie, theirs.id, other.uuid), 403, forbidden);
    expectError(await revoke(mine.cookie, theirs.id, other.uuid), 403, forbidden);
    expect((await db().session.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();
    expect((await me(mine.cookie)).status).toBe(200);
  });
});

describe("POST /api/users/@me/sessions/revoke_others", () => {
  it("signs out every other device of the caller and says how many", async () => {
    const [user, bystander] = await Promise.all([createTestUser(), createTestUser()]);
    const [current, a, b] = [await signedInSession(user), await signedInSession(user), await signedInSession(user)];
    const theirs = await signedInSession(bystander);
    const response = await revokeOthers(current.cookie);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ revoked: 2 });
    expectError(await me(a.cookie), 401, notAuthenticated);
    expectError(await me(b.cookie), 401, notAuthenticated);
    expect((await me(current.cookie)).status).toBe(200);
    expect((await me(theirs.cookie)).status).toBe(200);
    expect((await revokeOthers(current.cookie)).body).toEqual({ revoked: 0 });
  });

  it("refuses anonymous callers and other users' paths, and changes nothing", async () => {
    const [user, staff] = await Promise.all([createTestUser(), createTestUser({ staff: true })]);
    await signedInSession(user);
    await signedInSession(user);
    const before = await rowsOf(user.id);
    expectError(await revokeOthers(undefined), 401, notAuthenticated);
    expectError(await revokeOthers((await signedInSession(staff)).cookie, user.uuid), 403, forbidden);
    expect(await rowsOf(user.id)).toEqual(before);
  });
});
