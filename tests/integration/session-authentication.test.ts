import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { GET } from "@/app/api/users/[uuid]/route";
import { db } from "@/lib/db/client";
import { expectError } from "../support/envelope";
import { call, sessionCookie } from "../support/requests";
import { createTestUser } from "../support/users";

const me = (cookie: string) => call(GET, { path: "/api/users/@me", params: { uuid: "@me" }, cookie });
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

  it("stop working once the session version is bumped", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    await db().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expectError(await me(cookie), 401, notAuthenticated);
  });

  it("stop working past the absolute lifetime, however fresh the token", async () => {
    const user = await createTestUser();
    const fifteenDaysAgo = Date.now() - 15 * 24 * 60 * 60 * 1000;
    expectError(await me(await sessionCookie(user, fifteenDaysAgo)), 401, notAuthenticated);
  });

  it("are refused when signed with another secret", async () => {
    const user = await createTestUser();
    const token = await encode({ token: { sub: user.uuid, sv: 0, sid: "s", authAt: Date.now() }, secret: "some-other-secret-some-other-secret" });
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
