import { afterEach, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { captureLogs } from "../support/logs";
import { TEST_PASSWORD, createTestUser, reloadUser } from "../support/users";

const noHeaders = new Headers();
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

describe("the credentials step of sign-in", () => {
  it("accepts the right password (any email case) and records the login", async () => {
    const user = await createTestUser();
    const signedIn = await authorizeCredentials({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, noHeaders);
    expect(signedIn).toMatchObject({ id: user.uuid, email: user.email, sessionId: expect.any(String) });
    const session = await db().session.findUniqueOrThrow({ where: { id: (signedIn as { sessionId: string }).sessionId } });
    expect(session).toMatchObject({ userId: user.id, revokedAt: null, signInMethod: "password" });
    expect((await reloadUser(user.id)).lastLogin).not.toBeNull();
  });

  it("refuses a wrong password, an unknown email and a deactivated account alike", async () => {
    const user = await createTestUser();
    const inactive = await createTestUser();
    await db().user.update({ where: { id: inactive.id }, data: { isActive: false } });
    expect(await authorizeCredentials({ email: user.email, password: "not-the-password" }, noHeaders)).toBeNull();
    expect(await authorizeCredentials({ email: `nobody-${user.uuid}@test.local`, password: TEST_PASSWORD }, noHeaders)).toBeNull();
    expect(await authorizeCredentials({ email: inactive.email, password: TEST_PASSWORD }, noHeaders)).toBeNull();
    expect(await authorizeCredentials({ email: user.email }, noHeaders)).toBeNull();
    expect((await reloadUser(user.id)).lastLogin).toBeNull();
  });

  it("logs sign-ins and failures without the email or the password", async () => {
    const logs = captureLogs("info");
    cleanups.push(logs.restore);
    const user = await createTestUser();
    await authorizeCredentials({ email: user.email, password: "wrong-secret-guess" }, noHeaders);
    await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, noHeaders);
    expect(logs.entries().map((line) => line.event)).toEqual(["auth.signin_failed", "auth.signin"]);
    for (const secret of ["wrong-secret-guess", TEST_PASSWORD, user.email]) {
      expect(logs.text()).not.toContain(secret);
    }
  });
});
