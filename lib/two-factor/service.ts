import "server-only";
import QRCode from "qrcode";
import { errors } from "@/lib/api/errors";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { recordActivity } from "@/lib/activity/record";
import { sendNotice, type NoticeOrigin } from "@/lib/mail/notice";
import { hashed, limiter, spend } from "@/lib/rate-limit";
import { revokeOtherSessions } from "@/lib/sessions/service";
import type { AuthUser } from "@/lib/auth/principal";
import { enforce, mayManageTwoFactorOf } from "@/lib/users/permissions";
import type { Subject } from "@/lib/users/subject";
import { backupCodeHash, backupCodeHashes, newBackupCodes, normalisedBackupCode } from "./backup-codes";
import { open, seal } from "./secret-box";
import { matchingTimeStep, newTotpSecret, normalisedTotp, otpauthUri } from "./totp";

/** Secrets are bound to their owner: a sealed secret copied onto another user's row does not open. */
const aadFor = (userId: number) => `totp:${userId}`;

function selfOnly(subject: Subject): AuthUser {
  enforce(mayManageTwoFactorOf(subject));
  return subject.user;
}

export interface SetupStart {
  success: true;
  secret: string;
  otpauth_uri: string;
  qr_code_svg: string;
  expires_at: string;
}

/** A new pending secret (replacing any earlier one); nothing is enabled until a code confirms it. */
export async function startSetup(subject: Subject): Promise<SetupStart> {
  const user = selfOnly(subject);
  if (await db().totpDevice.findUnique({ where: { userId: user.id }, select: { userId: true } })) {
    throw errors.validation([{ attr: null, code: "2fa_already_enabled", detail: "Two-factor authentication is already on. Turn it off first to set up a new authenticator." }]);
  }
  const secret = newTotpSecret();
  const sealed = seal(secret, aadFor(user.id));
  const expiresAt = new Date(Date.now() + env.twoFactorSetupTtlSeconds * 1000);
  const pending = { secretEncrypted: sealed.encrypted, keyId: sealed.keyId, expiresAt };
  await db().pendingTotpSetup.upsert({ where: { userId: user.id }, create: { userId: user.id, ...pending }, update: pending });
  const uri = otpauthUri(secret, env.appName, user.email);
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { success: true, secret, otpauth_uri: uri, qr_code_svg: svg, expires_at: expiresAt.toISOString() };
}

function tokenInvalid(): never {
  throw errors.validation([{ attr: null, code: "token_invalid", detail: "That code is not right. Check the time on your device and enter the code it shows now." }]);
}

/** Counts a wrong code against the user's budget: past it, even the right code waits (429). */
async function countWrongCode(userId: number): Promise<void> {
  await spend("two_factor", hashed(`user:${userId}`));
}

async function assertCodesLeft(userId: number): Promise<void> {
  const used = (await limiter("two_factor").get(hashed(`user:${userId}`)))?.consumedPoints ?? 0;
  if (used >= limiter("two_factor").points) await spend("two_factor", hashed(`user:${userId}`));
}

/**
 * The code that proves the authenticator works turns two-factor on: the device (with that code's
 * time step spent), ten backup codes, and every other session of the user ended.
 */
export async function confirmSetup(principal: Principal, subject: Subject, token: string): Promise<{ success: true; backup_codes: string[] }> {
  const user = selfOnly(subject);
  await assertCodesLeft(user.id);
  const pending = await db().pendingTotpSetup.findUnique({ where: { userId: user.id } });
  if (!pending || pending.expiresAt.getTime() <= Date.now()) {
    throw errors.validation([{ attr: null, code: "setup_expired", detail: "This setup has expired. Start again to get a new QR code." }]);
  }
  const code = normalisedTotp(token);
  const step = code ? await matchingTimeStep(open({ encrypted: pending.secretEncrypted, keyId: pending.keyId }, aadFor(user.id)), code, null) : null;
  if (step === null) {
    await countWrongCode(user.id);
    tokenInvalid();
  }

  const codes = newBackupCodes();
  await db().$transaction(async (tx) => {
    // The pending row is the claim: of two confirmations racing, only one deletes it.
    const { count } = await tx.pendingTotpSetup.deleteMany({ where: { userId: user.id, expiresAt: { gt: new Date() } } });
    if (count === 0) throw errors.validation([{ attr: null, code: "setup_expired", detail: "This setup has expired. Start again to get a new QR code." }]);
    await tx.totpDevice.create({ data: { userId: user.id, secretEncrypted: pending.secretEncrypted, keyId: pending.keyId, lastTimeStep: step } });
    await tx.backupCode.deleteMany({ where: { userId: user.id } });
    await tx.backupCode.createMany({ data: codes.map((plain) => ({ userId: user.id, codeHash: backupCodeHash(user.id, normalisedBackupCode(plain)!) })) });
    const signedOut = await revokeOtherSessions(user.id, principal.session?.id ?? null, tx);
    await recordActivity(tx, user.id, "two_factor_enabled", { other_sessions_signed_out: signedOut });
  });
  log.info("two_factor.enabled", { userId: user.id });
  await notify(user, principal, "Two-factor authentication is on", [
    "Two-factor authentication was just turned on for your account. Signing in now needs a code from your authenticator app (or a backup code).",
    "Every other device was signed out.",
  ]);
  return { success: true, backup_codes: codes };
}

export interface TwoFactorStatus {
  is_enabled: boolean;
  method: "TOTP" | null;
  backup_codes_remaining: number;
}

export async function twoFactorStatus(subject: Subject): Promise<TwoFactorStatus> {
  const user = selfOnly(subject);
  const [device, remaining] = await Promise.all([
    db().totpDevice.findUnique({ where: { userId: user.id }, select: { userId: true } }),
    db().backupCode.count({ where: { userId: user.id, usedAt: null } }),
  ]);
  return { is_enabled: device !== null, method: device ? "TOTP" : null, backup_codes_remaining: device ? remaining : 0 };
}

function notEnabled(): never {
  throw errors.validation([{ attr: null, code: "2fa_not_enabled", detail: "Two-factor authentication is not on." }]);
}

/** Ten new codes, shown once; every earlier code stops working. */
export async function regenerateBackupCodes(subject: Subject): Promise<{ backup_codes: string[] }> {
  const user = selfOnly(subject);
  const codes = newBackupCodes();
  await db().$transaction(async (tx) => {
    // Locks the device row: a disable racing this cannot leave codes without a device.
    const devices = await tx.$queryRaw<Array<{ userId: number }>>`SELECT "userId" FROM totp_devices WHERE "userId" = ${user.id} FOR UPDATE`;
    if (devices.length === 0) notEnabled();
    await tx.backupCode.deleteMany({ where: { userId: user.id } });
    await tx.backupCode.createMany({ data: codes.map((plain) => ({ userId: user.id, codeHash: backupCodeHash(user.id, normalisedBackupCode(plain)!) })) });
    await recordActivity(tx, user.id, "backup_codes_generated", { codes: codes.length });
  });
  log.info("two_factor.backup_codes_regenerated", { userId: user.id });
  return { backup_codes: codes };
}

export type SecondFactor = "totp" | "backup_code";

/**
 * Checks a second factor for the user, spending it: a TOTP code's time step is accepted once
 * (the conditional UPDATE makes exactly one of any concurrent requests win), a backup code is
 * used up. Wrong codes count against the user's budget; past it the answer is 429.
 */
export async function verifySecondFactor(userId: number, input: string): Promise<SecondFactor | null> {
  await assertCodesLeft(userId);
  const totp = normalisedTotp(input);
  if (totp) {
    const device = await db().totpDevice.findUnique({ where: { userId } });
    const secret = device ? open({ encrypted: device.secretEncrypted, keyId: device.keyId }, aadFor(userId)) : null;
    const step = secret ? await matchingTimeStep(secret, totp, device!.lastTimeStep) : null;
    if (step !== null) {
      const claimed = await db().$executeRaw`
        UPDATE totp_devices SET "lastTimeStep" = ${step}
        WHERE "userId" = ${userId} AND ("lastTimeStep" IS NULL OR "lastTimeStep" < ${step})`;
      if (claimed === 1) return "totp";
    }
  } else {
    const backup = normalisedBackupCode(input);
    if (backup) {
      const spent = await db().$transaction(async (tx) => {
        const { count } = await tx.backupCode.updateMany({
          where: { userId, codeHash: { in: backupCodeHashes(userId, backup) }, usedAt: null, user: { totpDevice: { isNot: null } } },
          data: { usedAt: new Date() },
        });
        if (count === 1) await recordActivity(tx, userId, "backup_code_used");
        return count === 1;
      });
      if (spent) return "backup_code";
    }
  }
  await countWrongCode(userId);
  return null;
}

/**
 * A second factor other than a code (a passkey), held to the same budget: past it even a valid
 * one waits (429), and a refused one counts as a wrong code.
 */
export async function withSecondFactorBudget<T>(userId: number, check: () => Promise<T | null>): Promise<T | null> {
  await assertCodesLeft(userId);
  const result = await check();
  if (result === null) await countWrongCode(userId);
  return result;
}

export async function hasTwoFactor(userId: number): Promise<boolean> {
  return (await db().totpDevice.count({ where: { userId } })) > 0;
}

/** Turning two-factor off takes a current code or an unused backup code, not just the session. */
export async function disableTwoFactor(principal: Principal, subject: Subject, token: string): Promise<{ success: true }> {
  const user = selfOnly(subject);
  if (!(await hasTwoFactor(user.id))) notEnabled();
  const factor = await verifySecondFactor(user.id, token);
  if (!factor) tokenInvalid();
  await db().$transaction(async (tx) => {
    await tx.totpDevice.deleteMany({ where: { userId: user.id } });
    await tx.backupCode.deleteMany({ where: { userId: user.id } });
    await tx.pendingTotpSetup.deleteMany({ where: { userId: user.id } });
    const signedOut = await revokeOtherSessions(user.id, principal.session?.id ?? null, tx);
    await recordActivity(tx, user.id, "two_factor_disabled", { other_sessions_signed_out: signedOut, confirmed_with: factor });
  });
  log.info("two_factor.disabled", { userId: user.id, with: factor });
  await notify(user, principal, "Two-factor authentication is off", [
    "Two-factor authentication was just turned off for your account. Signing in now needs only your password.",
    "Every other device was signed out.",
  ]);
  return { success: true };
}

/** Sign-in used a backup code: the owner should know, in case it was not them. */
export async function notifyBackupCodeUsed(user: Pick<AuthUser, "id" | "email" | "firstName">, origin: NoticeOrigin): Promise<void> {
  const remaining = await db().backupCode.count({ where: { userId: user.id, usedAt: null } });
  await sendNotice(
    {
      to: user.email,
      firstName: user.firstName,
      subject: "A backup code was used to sign in",
      paragraphs: [`Someone signed in to your account with one of your backup codes. ${remaining} unused ${remaining === 1 ? "code is" : "codes are"} left.`],
      origin,
      ifNotYou: "If this wasn't you, change your password and generate new backup codes now.",
    },
    "two_factor.backup_code_used",
  );
}

async function notify(user: Pick<AuthUser, "email" | "firstName">, principal: Principal, subject: string, paragraphs: string[]): Promise<void> {
  const origin = { when: new Date(), device: principal.session?.device, ip: principal.session?.ip };
  await sendNotice(
    { to: user.email, firstName: user.firstName, subject, paragraphs, origin, ifNotYou: "If this wasn't you, change your password now and review your signed-in devices." },
    "two_factor.notice",
  );
}
