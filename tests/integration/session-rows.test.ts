import { describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { ENDED_SESSION_RETENTION_DAYS } from "@/lib/sessions/service";
import { signedInSession } from "../support/requests";
import { TEST_PASSWORD, createTestUser } from "../support/users";

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);

async function signInWith(email: string, userAgent: string) {
  const signedIn = await authorizeCredentials({ email, password: TEST_PASSWORD }, new Headers({ "user-agent": userAgent }));
  if (!signedIn) throw new Error("sign-in refused");
  return db().session.findUniqueOrThrow({ where: { id: signedIn.sessionId } });
}

describe("the session row a sign-in creates", () => {
  it("records the device from the user agent, and the times", async () => {
    const user = await createTestUser();
    const row = await signInWith(user.email, FIREFOX);
    expect(row).toMatchObject({ userId: user.id, deviceLabel: "Firefox on Windows", userAgent: FIREFOX, revokedAt: null });
    expect(row.authenticatedAt.getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect(row.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it("keeps at most 512 characters of a user agent", async () => {
    const user = await createTestUser();
    const row = await signInWith(user.email, `${FIREFOX} ${"x".repeat(2000)}`);
    expect(row.userAgent).toHaveLength(512);
  });

  it(`clears the user's sessions that ended over ${ENDED_SESSION_RETENTION_DAYS} days ago, and nothing newer or anyone else's`, async () => {
    const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
    const oldRevoked = await signedInSession(user, daysAgo(200).getTime());
    await db().session.update({ where: { id: oldRevoked.id }, data: { revokedAt: daysAgo(ENDED_SESSION_RETENTION_DAYS + 1) } });
    const recentRevoked = await signedInSession(user, daysAgo(10).getTime());
    await db().session.update({ where: { id: recentRevoked.id }, data: { revokedAt: daysAgo(5) } });
    const longIdle = await signedInSession(user, daysAgo(200).getTime());
    await db().session.update({ where: { id: longIdle.id }, data: { lastSeenAt: daysAgo(150) } });
    const theirs = await signedInSession(other, daysAgo(200).getTime());
    await db().session.update({ where: { id: theirs.id }, data: { revokedAt: daysAgo(150) } });

    const fresh = await signInWith(user.email, FIREFOX);
    const left = await db().session.findMany({ where: { userId: { in: [user.id, other.id] } }, select: { id: true } });
    expect(left.map((row) => row.id).sort()).toEqual([recentRevoked.id, fresh.id, theirs.id].sort());
  });
});
