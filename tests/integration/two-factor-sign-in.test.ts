import { afterEach, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { overrideEnvForTests } from "@/lib/env";
import { verifySecondFactor } from "@/lib/two-factor/service";
import { captureLogs } from "../support/logs";
import { signedInSession } from "../support/requests";
import { codeFor, enableTwoFactor } from "../support/two-factor";
import { TEST_PASSWORD, createTestUser } from "../support/users";

const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0).reverse()) restore();
});

async function twoFactorUser() {
  const user = await createTestUser();
  const { cookie } = await signedInSession(user);
  return { user, ...(await enableTwoFactor(cookie)) };
}

const signIn = (email: string, otp?: string, password = TEST_PASSWORD) =>
  authorizeCredentials({ email, password, ...(otp === undefined ? {} : { otp }) }, new Headers({ "user-agent": "vitest" }));

/** The next-auth error code a refused sign-in throws, or "session" when it signed in. */
async function outcome(attempt: Promise<unknown>): Promise<string> {
  try {
    const result = await attempt;
    return result ? "session" : "refused";
  } catch (error) {
    return (error as Error).message;
  }
}

const sessionsOf = (userId: number) => db().session.count({ where: { userId } });

describe("signing in with two-factor on", () => {
  it("without a code: 2fa_required and no session", async () => {
    const { user } = await twoFactorUser();
    const before = await sessionsOf(user.id);
    expect(await outcome(signIn(user.email))).toBe("2fa_required");
    expect(await outcome(signIn(user.email, "  "))).toBe("2fa_required");
    expect(await sessionsOf(user.id)).toBe(before);
  });

  it("with the authenticator's code: a session that says how it signed in", async () => {
    const { user, secret } = await twoFactorUser();
    const signedIn = await signIn(user.email, await codeFor(secret, 1));
    expect(signedIn).toMatchObject({ id: user.uuid });
    const row = await db().session.findUniqueOrThrow({ where: { id: signedIn!.sessionId } });
    expect(row.signInMethod).toBe("totp");
  });

  it("never with the code that finished setup, nor any code twice, nor a step before the last one accepted", async () => {
    const { user, secret } = await twoFactorUser();
    expect(await outcome(signIn(user.email, await codeFor(secret)))).toBe("2fa_invalid");
    const next = await codeFor(secret, 1);
    expect(await outcome(signIn(user.email, next))).toBe("session");
    expect(await outcome(signIn(user.email, next))).toBe("2fa_invalid");
    expect(await outcome(signIn(user.email, await codeFor(secret, -1)))).toBe("2fa_invalid");
  });

  it("lets exactly one of ten simultaneous sign-ins with the same fresh code through", async () => {
    restores.push(overrideEnvForTests({ RATE_LIMIT_TWO_FACTOR_LIMIT: "50" }));
    const { user, secret } = await twoFactorUser();
    const code = await codeFor(secret, 1);
    const before = await sessionsOf(user.id);
    const results = await Promise.all(Array.from({ length: 10 }, () => outcome(signIn(user.email, code))));
    expect(results.filter((result) => result === "session")).toHaveLength(1);
    expect(results.filter((result) => result !== "session").every((result) => result === "2fa_invalid")).toBe(true);
    expect(await sessionsOf(user.id)).toBe(before + 1);
  });

  it("spends a time step once even when ten checks read the device at the same moment", async () => {
    restores.push(overrideEnvForTests({ RATE_LIMIT_TWO_FACTOR_LIMIT: "50" }));
    const { user, secret } = await twoFactorUser();
    const code = await codeFor(secret, 1);
    const results = await Promise.all(Array.from({ length: 10 }, () => verifySecondFactor(user.id, code)));
    expect(results.filter((result) => result === "totp")).toHaveLength(1);
  });

  it("takes a backup code once, in any case and with or without its dash, and tells the owner", async () => {
    const { user, backupCodes } = await twoFactorUser();
    const code = backupCodes[0]!;
    const signedIn = await signIn(user.email, code.replace("-", "").toUpperCase());
    expect((await db().session.findUniqueOrThrow({ where: { id: signedIn!.sessionId } })).signInMethod).toBe("backup_code");
    expect(await outcome(signIn(user.email, code))).toBe("2fa_invalid");
    expect(await db().backupCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
    const subjects = (await db().outboxEmail.findMany({ where: { to: user.email } })).map((mail) => mail.subject);
    expect(subjects).toContainEqual(expect.stringContaining("A backup code was used to sign in"));
  });

  it("lets exactly one of ten simultaneous sign-ins with the same backup code through", async () => {
    restores.push(overrideEnvForTests({ RATE_LIMIT_TWO_FACTOR_LIMIT: "50" }));
    const { user, backupCodes } = await twoFactorUser();
    const results = await Promise.all(Array.from({ length: 10 }, () => outcome(signIn(user.email, backupCodes[1]))));
    expect(results.filter((result) => result === "session")).toHaveLength(1);
  });

  it("never lets a backup code stand in for the password: a wrong password spends nothing", async () => {
    const { user, backupCodes } = await twoFactorUser();
    expect(await outcome(signIn(user.email, backupCodes[2], "not-the-password"))).toBe("refused");
    expect(await outcome(signIn(user.email, undefined, "not-the-password"))).toBe("refused");
    expect(await db().backupCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
  });

  it("refuses a wrong code with 2fa_invalid, and past the per-user budget even the right one (throttled)", async () => {
    restores.push(overrideEnvForTests({ RATE_LIMIT_TWO_FACTOR_LIMIT: "3" }));
    const { user, secret, backupCodes } = await twoFactorUser();
    for (let attempt = 0; attempt < 3; attempt++) expect(await outcome(signIn(user.email, "000000"))).toBe("2fa_invalid");
    expect(await outcome(signIn(user.email, await codeFor(secret, 1)))).toBe("throttled");
    expect(await outcome(signIn(user.email, backupCodes[0]))).toBe("throttled");
    expect(await db().backupCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
  });

  it("keeps working across a key rotation: old secrets open under the old key, new ones are sealed under the new", async () => {
    const oldKey = `old:${Buffer.alloc(32, 1).toString("base64")}`;
    const newKey = `new:${Buffer.alloc(32, 2).toString("base64")}`;
    restores.push(overrideEnvForTests({ TWO_FACTOR_ENCRYPTION_KEYS: oldKey }));
    const { user, secret, backupCodes } = await twoFactorUser();
    expect((await db().totpDevice.findUniqueOrThrow({ where: { userId: user.id } })).keyId).toBe("old");

    restores.push(overrideEnvForTests({ TWO_FACTOR_ENCRYPTION_KEYS: `${newKey},${oldKey}` }));
    expect(await outcome(signIn(user.email, await codeFor(secret, 1)))).toBe("session");
    expect(await outcome(signIn(user.email, backupCodes[0]))).toBe("session");
    const other = await twoFactorUser();
    expect((await db().totpDevice.findUniqueOrThrow({ where: { userId: other.user.id } })).keyId).toBe("new");

    restores.push(overrideEnvForTests({ TWO_FACTOR_ENCRYPTION_KEYS: newKey }));
    expect(await outcome(signIn(user.email, await codeFor(secret, 1)))).toBe("unavailable");
  });

  it("writes no secret and no code to the log", async () => {
    const logs = captureLogs("debug");
    try {
      const { user, secret, backupCodes } = await twoFactorUser();
      const code = await codeFor(secret, 1);
      for (const otp of [undefined, code, code, backupCodes[0]]) await outcome(signIn(user.email, otp));
      const text = logs.text();
      expect(text).toContain("auth.signin");
      for (const secretValue of [secret, code, ...backupCodes, ...backupCodes.map((value) => value.replace("-", ""))]) expect(text).not.toContain(secretValue);
    } finally {
      logs.restore();
    }
  });
});
