import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { GET } from "@/app/api/users/[uuid]/route";
import { db } from "@/lib/db/client";
import { expectError } from "../support/envelope";
import { overrideEnvForTests } from "@/lib/env";
import { call, cookieFor, sessionCookie, signedInSession } from "../support/requests";
import { createTestUser } from "../support/users";

const me = (cookie: string) => call(GET, { path: "/api/users/@me", params: { uuid: "@me" }, cookie });
let restoreEnv = () => {};
afterEach(() => restoreEnv());

const notAuthenticated = { type: "authentication_error", code: "not_authenticated", attr: null } as const;

describe("session cookies", () => {
  it("authenticate an active user", async () => {
    const user = await createTestUser();
    const response = await me(await sessionCookie(user));
    expect(response.status).toBe(200);
    expect(response.body.uuid).toBe(user.uuid);
  });

  it("stop working once the user is deactivated", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    await db().user.update({ where: { id: user.id }, data: { isActive: false } });
    expectError(await me(cookie), 401, notAuthenticated);
  });

  it("stop working once their session row is revoked, while the user's other sessions go on", async () => {
    const user = await createTestUser();
    const [revoked, other] = [await signedInSession(user), await signedInSession(user)];
    await db().session.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    expectError(await me(revoked.cookie), 401, notAuthenticated);
    expect((await me(other.cookie)).status).toBe(200);
  });

  it("stop working when the row is gone, or names another user", async () => {
    const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
    expectError(await me(await cookieFor(user.uuid, user.email, randomUUID())), 401, notAuthenticated);
    const otherSession = await signedInSession(other);
    expectError(await me(await cookieFor(user.uuid, user.email, otherSession.id)), 401, notAuthenticated);
  });

  it("stop working past the absolute lifetime, however fresh the token and however active", async () => {
    const user = await createTestUser();
    const fifteenDaysAgo = Date.now() - 15 * 24 * 60 * 60 * 1000;
    expectError(await me(await sessionCookie(user, fifteenDaysAgo)), 401, notAuthenticated);
  });

  it("stop working after SESSION_MAX_AGE_SECONDS without activity, and last as long as the user stays active", async () => {
    restoreEnv = overrideEnvForTests({ SESSION_MAX_AGE_SECONDS: "3600" });
    const user = await createTestUser();
    const fiveHoursAgo = Date.now() - 5 * 3600 * 1000;
    const [active, idle] = [await signedInSession(user, fiveHoursAgo), await signedInSession(user, fiveHoursAgo)];
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60 * 1000);
    await db().session.update({ where: { id: active.id }, data: { lastSeenAt: minutesAgo(59) } });
    await db().session.update({ where: { id: idle.id }, data: { lastSeenAt: minutesAgo(61) } });
    expect((await me(active.cookie)).status).toBe(200);
    expectError(await me(idle.cookie), 401, notAuthenticated);
  });

  it("move last-seen forward at most once a minute", async () => {
    const user = await createTestUser();
    const { cookie, id } = await signedInSession(user);
    const row = { id };
    const twoMinutesAgo = new Date(Date.now() - 2 * 60 * 1000);
    await db().session.update({ where: { id: row.id }, data: { lastSeenAt: twoMinutesAgo } });
    expect((await me(cookie)).status).toBe(200);
    const touched = (await db().session.findUniqueOrThrow({ where: { id: row.id } })).lastSeenAt;
    expect(touched.getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect((await me(cookie)).status).toBe(200);
    expect((await db().session.findUniqueOrThrow({ where: { id: row.id } })).lastSeenAt).toEqual(touched);
  });

  it("carry the row's authentication time, not the token's", async () => {
    const user = await createTestUser();
    const threeHoursAgo = Date.now() - 3 * 3600 * 1000;
    const response = await me(await sessionCookie(user, threeHoursAgo));
    expect(new Date(response.body.sensitive_session_expires_at).getTime()).toBe(threeHoursAgo + 2 * 3600 * 1000);
  });

  it("are refused when signed with another secret", async () => {
    const user = await createTestUser();
    const { id } = await signedInSession(user);
    const token = await encode({ token: { sub: user.uuid, sid: id }, secret: "some-other-secret-some-other-secret" });
    expectError(await me(`next-auth.session-token=${token}`), 401, notAuthenticated);
  });

  it.each([
    ["garbage", "next-auth.session-token=garbage"],
    ["a malformed percent-escape", "next-auth.session-token=%E0%A4%A"],
    ["an empty value", "next-auth.session-token="],
  ])("answer %s with 401, never a 500", async (_label, cookie) => {
    expectError(await me(cookie), 401, notAuthenticated);
  });
});
