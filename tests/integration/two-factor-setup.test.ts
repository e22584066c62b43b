import { afterEach, describe, expect, it } from "vitest";
import { GET as ME } from "@/app/api/users/[uuid]/route";
import { GET as START } from "@/app/api/users/[uuid]/two_factor_start_setup/route";
import { GET as START_ALIAS } from "@/app/api/users/[uuid]/start_2fa_setup/route";
import { POST as VALIDATE } from "@/app/api/users/[uuid]/two_factor_validate/route";
import { POST as VALIDATE_ALIAS } from "@/app/api/users/[uuid]/validate_2fa/route";
import { GET as STATUS } from "@/app/api/users/[uuid]/two_factor_status/route";
import { POST as BACKUP_CODES } from "@/app/api/users/[uuid]/two_factor_backup_codes/route";
import { POST as DISABLE } from "@/app/api/users/[uuid]/two_factor_disable/route";
import { db } from "@/lib/db/client";
import { overrideEnvForTests } from "@/lib/env";
import { expectError } from "../support/envelope";
import { call, signedInSession } from "../support/requests";
import { codeFor, enableTwoFactor } from "../support/two-factor";
import { createTestUser } from "../support/users";

const at = (path: string, uuid = "@me") => ({ path: `/api/users/${uuid}/${path}`, params: { uuid } });
const start = (cookie?: string, uuid?: string) => call(START, { ...at("two_factor_start_setup", uuid), cookie });
const validate = (cookie: string | undefined, body: unknown, uuid?: string) => call(VALIDATE, { method: "POST", ...at("two_factor_validate", uuid), cookie, body });
const status = (cookie?: string, uuid?: string) => call(STATUS, { ...at("two_factor_status", uuid), cookie });
const regenerate = (cookie?: string, uuid?: string) => call(BACKUP_CODES, { method: "POST", ...at("two_factor_backup_codes", uuid), cookie });
const disable = (cookie: string | undefined, body: unknown, uuid?: string) => call(DISABLE, { method: "POST", ...at("two_factor_disable", uuid), cookie, body });
const me = (cookie: string) => call(ME, { path: "/api/users/@me", params: { uuid: "@me" }, cookie });

const invalid = (code: string, attr: string | null = null) => ({ type: "validation_error", code, attr });
const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0).reverse()) restore();
});

async function signedIn() {
  const user = await createTestUser();
  return { user, ...(await signedInSession(user)) };
}

const twoFactorRows = (userId: number) =>
  Promise.all([
    db().totpDevice.findUnique({ where: { userId } }),
    db().backupCode.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db().pendingTotpSetup.findUnique({ where: { userId } }),
  ]);

describe("starting setup", () => {
  it("gives a 160-bit base32 secret, its otpauth URI with our name, and a QR made here; nothing is enabled yet", async () => {
    const { user, cookie } = await signedIn();
    const response = await start(cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(response.body.otpauth_uri).toBe(`otpauth://totp/${encodeURIComponent(process.env.APP_NAME ?? "Accounts")}:${encodeURIComponent(user.email)}?secret=${response.body.secret}&issuer=${encodeURIComponent(process.env.APP_NAME ?? "Accounts")}`);
    expect(response.body.qr_code_svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(new Date(response.body.expires_at).getTime() - Date.now()).toBeGreaterThan(9 * 60 * 1000);
    expect((await status(cookie)).body).toEqual({ is_enabled: false, method: null, backup_codes_remaining: 0 });
    expect((await me(cookie)).body.is_2fa_enabled).toBe(false);
  });

  it("keeps the pending secret sealed at rest, under a named key", async () => {
    const { user, cookie } = await signedIn();
    const { secret } = (await start(cookie)).body;
    const pending = await db().pendingTotpSetup.findUniqueOrThrow({ where: { userId: user.id } });
    expect(pending.keyId).toBe("dev");
    expect(pending.secretEncrypted).not.toContain(secret);
    expect(Buffer.from(pending.secretEncrypted, "base64url").toString("latin1")).not.toContain(secret);
  });

  it("answers the alias the same way, and a second start replaces the first secret", async () => {
    const { cookie } = await signedIn();
    const first = (await start(cookie)).body.secret;
    const second = await call(START_ALIAS, { ...at("start_2fa_setup"), cookie });
    expect(second.status).toBe(200);
    expectError(await validate(cookie, { token: await codeFor(first) }), 400, invalid("token_invalid"));
    expect((await validate(cookie, { token: await codeFor(second.body.secret) })).status).toBe(200);
  });

  it("is refused once two-factor is on, and changes nothing", async () => {
    const { user, cookie } = await signedIn();
    await enableTwoFactor(cookie);
    const before = await twoFactorRows(user.id);
    expectError(await start(cookie), 400, invalid("2fa_already_enabled"));
    expect(await twoFactorRows(user.id)).toEqual(before);
  });
});

describe("confirming setup", () => {
  it("turns two-factor on with the right code: ten backup codes once, the status and the user say so", async () => {
    const { user, cookie } = await signedIn();
    const { secret } = (await start(cookie)).body;
    const response = await validate(cookie, { token: await codeFor(secret) });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.body.success).toBe(true);
    expect(response.body.backup_codes).toHaveLength(10);
    expect(new Set(response.body.backup_codes).size).toBe(10);
    for (const code of response.body.backup_codes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect((await status(cookie)).body).toEqual({ is_enabled: true, method: "TOTP", backup_codes_remaining: 10 });
    expect((await me(cookie)).body.is_2fa_enabled).toBe(true);
    const [device, codes, pending] = await twoFactorRows(user.id);
    expect(device?.secretEncrypted).not.toContain(secret);
    expect(codes.map((code) => code.codeHash).join()).not.toContain(response.body.backup_codes[0].replace("-", ""));
    expect(pending).toBeNull();
  });

  it("accepts the code with spaces, as a number, through the alias", async () => {
    const { cookie } = await signedIn();
    const { secret } = (await start(cookie)).body;
    const code = await codeFor(secret);
    const response = await call(VALIDATE_ALIAS, { method: "POST", ...at("validate_2fa"), cookie, body: { token: `${code.slice(0, 3)} ${code.slice(3)}` } });
    expect(response.status).toBe(200);
    const other = await signedIn();
    const otherSecret = (await start(other.cookie)).body.secret;
    const numeric = await codeFor(otherSecret);
    expect((await validate(other.cookie, { token: Number(numeric) })).status).toBe(200);
  });

  it("refuses a wrong code, a missing or malformed token, and leaves nothing enabled", async () => {
    const { user, cookie } = await signedIn();
    const { secret } = (await start(cookie)).body;
    const right = await codeFor(secret);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    expectError(await validate(cookie, { token: wrong }), 400, invalid("token_invalid"));
    expectError(await validate(cookie, { token: "abcdef" }), 400, invalid("token_invalid"));
    expectError(await validate(cookie, {}), 400, invalid("required", "token"));
    expectError(await validate(cookie, { token: { code: right } }), 400, invalid("invalid_input", "token"));
    expect(await db().totpDevice.findUnique({ where: { userId: user.id } })).toBeNull();
    expect((await validate(cookie, { token: right })).status).toBe(200);
  });

  it("answers setup_expired without a pending setup, after it expired, and after it was used", async () => {
    const { user, cookie } = await signedIn();
    expectError(await validate(cookie, { token: "123456" }), 400, invalid("setup_expired"));
    const { secret } = (await start(cookie)).body;
    await db().pendingTotpSetup.update({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectError(await validate(cookie, { token: await codeFor(secret) }), 400, invalid("setup_expired"));
    expect(await db().totpDevice.findUnique({ where: { userId: user.id } })).toBeNull();

    const again = (await start(cookie)).body.secret;
    expect((await validate(cookie, { token: await codeFor(again) })).status).toBe(200);
    expectError(await validate(cookie, { token: await codeFor(again, 1) }), 400, invalid("setup_expired"));
  });

  it("follows TWO_FACTOR_SETUP_TTL_SECONDS", async () => {
    restores.push(overrideEnvForTests({ TWO_FACTOR_SETUP_TTL_SECONDS: "60" }));
    const { cookie } = await signedIn();
    const expiresAt = new Date((await start(cookie)).body.expires_at).getTime();
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(60_000);
    expect(expiresAt - Date.now()).toBeGreaterThan(50_000);
  });

  it("ends the user's other sessions and keeps this one", async () => {
    const { user, cookie } = await signedIn();
    const elsewhere = await signedInSession(user);
    await enableTwoFactor(cookie);
    expectError(await me(elsewhere.cookie), 401, { type: "authentication_error", code: "not_authenticated" });
    expect((await me(cookie)).status).toBe(200);
  });

  it("sends a notice", async () => {
    const { user, cookie } = await signedIn();
    await enableTwoFactor(cookie);
    const mail = await db().outboxEmail.findMany({ where: { to: user.email } });
    expect(mail.map((message) => message.subject)).toEqual([expect.stringContaining("Two-factor authentication is on")]);
  });
});

describe("backup codes", () => {
  it("are refused while two-factor is off", async () => {
    const { cookie } = await signedIn();
    expectError(await regenerate(cookie), 400, invalid("2fa_not_enabled"));
  });

  it("come as ten new ones that replace every earlier code", async () => {
    const { user, cookie } = await signedIn();
    const { backupCodes } = await enableTwoFactor(cookie);
    const response = await regenerate(cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.body.backup_codes).toHaveLength(10);
    expect(response.body.backup_codes).not.toContain(backupCodes[0]);
    expect(await db().backupCode.count({ where: { userId: user.id } })).toBe(10);
    expectError(await disable(cookie, { token: backupCodes[0] }), 400, invalid("token_invalid"));
    expect((await disable(cookie, { token: response.body.backup_codes[0] })).status).toBe(200);
  });
});

describe("disabling", () => {
  it("needs a current code or an unused backup code; removes everything, ends other sessions, tells the user", async () => {
    const { user, cookie } = await signedIn();
    const { backupCodes } = await enableTwoFactor(cookie);
    const elsewhere = await signedInSession(user);
    const before = await twoFactorRows(user.id);
    expectError(await disable(cookie, {}), 400, invalid("required", "token"));
    expectError(await disable(cookie, { token: "000000" }), 400, invalid("token_invalid"));
    expect(await twoFactorRows(user.id)).toEqual(before);

    const response = await disable(cookie, { token: backupCodes[3]!.toUpperCase() });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true });
    expect(await twoFactorRows(user.id)).toEqual([null, [], null]);
    expect((await status(cookie)).body).toEqual({ is_enabled: false, method: null, backup_codes_remaining: 0 });
    expectError(await me(elsewhere.cookie), 401, { type: "authentication_error", code: "not_authenticated" });
    expect((await me(cookie)).body.is_2fa_enabled).toBe(false);
    const subjects = (await db().outboxEmail.findMany({ where: { to: user.email }, orderBy: { createdAt: "asc" } })).map((mail) => mail.subject);
    expect(subjects.at(-1)).toContain("Two-factor authentication is off");
  });

  it("takes the authenticator's next code", async () => {
    const { user, cookie } = await signedIn();
    const { secret } = await enableTwoFactor(cookie);
    expect((await disable(cookie, { token: await codeFor(secret, 1) })).status).toBe(200);
    expect(await db().totpDevice.findUnique({ where: { userId: user.id } })).toBeNull();
  });

  it("answers 2fa_not_enabled when it is off", async () => {
    const { cookie } = await signedIn();
    expectError(await disable(cookie, { token: "123456" }), 400, invalid("2fa_not_enabled"));
  });
});

describe("who may", () => {
  it("refuses anonymous callers, and everyone on another user's uuid — staff included — changing nothing", async () => {
    const [owner, staff, stranger] = await Promise.all([signedIn(), createTestUser({ staff: true }), signedIn()]);
    const staffCookie = (await signedInSession(staff)).cookie;
    const { backupCodes } = await enableTwoFactor(owner.cookie);
    const before = await twoFactorRows(owner.user.id);
    const forbidden = { type: "authentication_error", code: "permission_denied", attr: null };
    for (const cookie of [staffCookie, stranger.cookie]) {
      expectError(await start(cookie, owner.user.uuid), 403, forbidden);
      expectError(await validate(cookie, { token: "123456" }, owner.user.uuid), 403, forbidden);
      expectError(await status(cookie, owner.user.uuid), 403, forbidden);
      expectError(await regenerate(cookie, owner.user.uuid), 403, forbidden);
      expectError(await disable(cookie, { token: backupCodes[0] }, owner.user.uuid), 403, forbidden);
    }
    const anonymous = { type: "authentication_error", code: "not_authenticated", attr: null };
    expectError(await start(undefined), 401, anonymous);
    expectError(await status(undefined), 401, anonymous);
    expectError(await disable(undefined, { token: backupCodes[0] }), 401, anonymous);
    expect(await twoFactorRows(owner.user.id)).toEqual(before);
  });

  it("works on the caller's own uuid", async () => {
    const { user, cookie } = await signedIn();
    expect((await status(cookie, user.uuid)).status).toBe(200);
  });
});
