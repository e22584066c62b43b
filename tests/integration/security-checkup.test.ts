import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/users/[uuid]/security_checkup/route";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { overrideEnvForTests } from "@/lib/env";
import { expectError } from "../support/envelope";
import { bearer, createKeyFor } from "../support/personal-api-keys";
import { call, sessionCookie } from "../support/requests";
import { enableTwoFactor } from "../support/two-factor";
import { createTestUser, TEST_PASSWORD } from "../support/users";

const DAY = 24 * 60 * 60 * 1000;

async function checkup(cookie: string, uuid = "@me") {
  const response = await call(GET, { path: `/api/users/${uuid}/security_checkup`, params: { uuid }, cookie });
  expect(response.status).toBe(200);
  return response.body as { grade: string; passed: number; total: number; items: Array<{ id: string; status: string; title: string; fix_url: string | null }> };
}
const statusOf = (body: Awaited<ReturnType<typeof checkup>>, id: string) => body.items.find((item) => item.id === id)?.status;

describe("GET /api/users/@me/security_checkup", () => {
  it("grades two-factor off as a problem with its fix, and clears once it is on", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    const before = await checkup(cookie);
    expect(before.grade).toBe("weak");
    expect(before.items.find((item) => item.id === "two_factor")).toMatchObject({ status: "problem", fix_url: "/settings/security#two-factor" });
    await enableTwoFactor(cookie);
    const after = await checkup(cookie);
    expect(statusOf(after, "two_factor")).toBe("ok");
    expect(statusOf(after, "backup_codes")).toBe("ok");
    expect(after).toMatchObject({ grade: "strong", passed: after.total });
  });

  it("warns at three backup codes left and flags none left", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    await enableTwoFactor(cookie);
    const codes = await db().backupCode.findMany({ where: { userId: user.id }, select: { id: true } });
    await db().backupCode.updateMany({ where: { id: { in: codes.slice(0, codes.length - 3).map((code) => code.id) } }, data: { usedAt: new Date() } });
    expect((await checkup(cookie)).items.find((item) => item.id === "backup_codes")).toMatchObject({ status: "warning", title: "3 backup codes left" });
    await db().backupCode.updateMany({ where: { userId: user.id }, data: { usedAt: new Date() } });
    expect(statusOf(await checkup(cookie), "backup_codes")).toBe("problem");
  });

  it("warns about API keys never used or idle for 90 days, and devices not seen for 30", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    const key = await createKeyFor(user, ["user:read"], { cookie });
    expect(statusOf(await checkup(cookie), "api_keys")).toBe("warning");
    await db().personalApiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
    expect(statusOf(await checkup(cookie), "api_keys")).toBe("ok");
    await db().personalApiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(Date.now() - 100 * DAY) } });
    expect((await checkup(cookie)).items.find((item) => item.id === "api_keys")).toMatchObject({ status: "warning", title: "1 API key unused for 90 days" });

    expect(statusOf(await checkup(cookie), "devices")).toBe("ok");
    await db().pushToken.create({ data: { userId: user.id, token: `old-phone-${user.id}`, platform: "ios", lastSeenAt: new Date(Date.now() - 40 * DAY) } });
    expect((await checkup(cookie)).items.find((item) => item.id === "devices")).toMatchObject({ status: "warning", fix_url: "/settings/preferences#mobile-devices" });
  });

  it("counts a signed-in device idle for 30 days only while it can still sign in (the devices list shows it)", async () => {
    const restore = overrideEnvForTests({ SESSION_MAX_AGE_SECONDS: String(60 * 24 * 3600), SESSION_ABSOLUTE_MAX_AGE_SECONDS: String(365 * 24 * 3600) });
    try {
      const user = await createTestUser();
      const cookie = await sessionCookie(user);
      const idle = await db().session.create({
        data: { id: randomUUID(), userId: user.id, deviceLabel: "Firefox on Linux", lastSeenAt: new Date(Date.now() - 40 * DAY), createdAt: new Date(Date.now() - 50 * DAY) },
      });
      expect((await checkup(cookie)).items.find((item) => item.id === "devices")).toMatchObject({
        status: "warning",
        title: "1 device not seen for 30 days",
        fix_url: "/settings/security#signed-in-devices",
      });
      // Past the idle timeout it can no longer sign in, is not listed, and cannot be signed out: nothing to fix.
      await db().session.update({ where: { id: idle.id }, data: { lastSeenAt: new Date(Date.now() - 61 * DAY) } });
      expect(statusOf(await checkup(cookie), "devices")).toBe("ok");
      await db().session.update({ where: { id: idle.id }, data: { lastSeenAt: new Date(Date.now() - 40 * DAY), revokedAt: new Date() } });
      expect(statusOf(await checkup(cookie), "devices")).toBe("ok");
    } finally {
      restore();
    }
  });

  it("warns about a pending email change and an unverified address", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    await db().user.update({ where: { id: user.id }, data: { pendingEmail: "next@example.test", isEmailVerified: false } });
    const body = await checkup(cookie);
    expect(statusOf(body, "pending_email")).toBe("warning");
    expect(statusOf(body, "email_verified")).toBe("warning");
  });

  it("a sign-in with a common password marks it as a problem; a sign-in with a strong one clears it", async () => {
    const user = await createTestUser();
    await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword("password1234") } });
    expect(await authorizeCredentials({ email: user.email, password: "password1234" }, new Headers())).not.toBeNull();
    const cookie = await sessionCookie(user);
    expect((await checkup(cookie)).items.find((item) => item.id === "password")).toMatchObject({ status: "problem", fix_url: "/settings/security#password" });
    await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(TEST_PASSWORD) } });
    await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, new Headers());
    expect(statusOf(await checkup(cookie), "password")).toBe("ok");
  });

  it("is the owner's: another user's uuid is a 403 even for staff; anonymous 401; a user:read key may read", async () => {
    const user = await createTestUser();
    const staff = await createTestUser({ staff: true });
    const asStaff = await call(GET, { path: `/api/users/${user.uuid}/security_checkup`, params: { uuid: user.uuid }, cookie: await sessionCookie(staff) });
    expectError(asStaff, 403, { type: "authentication_error", code: "permission_denied" });
    expectError(await call(GET, { path: "/api/users/@me/security_checkup", params: { uuid: "@me" } }), 401, { type: "authentication_error", code: "not_authenticated" });
    const key = await createKeyFor(user, ["user:read"]);
    expect((await call(GET, { path: "/api/users/@me/security_checkup", params: { uuid: "@me" }, headers: bearer(key.value) })).status).toBe(200);
  });
});
