import "server-only";
import type { User as NextAuthUser } from "next-auth";
import { db } from "@/lib/db/client";
import { describeError, log } from "@/lib/log";
import { clientAddress } from "@/lib/client-address";
import { deviceLabel } from "@/lib/sessions/device-label";
import { startSession, type SignInMethod } from "@/lib/sessions/service";
import { passkeySigninSchema } from "@/lib/passkeys/schemas";
import { verifyAssertion } from "@/lib/passkeys/service";
import { hasTwoFactor, notifyBackupCodeUsed, verifySecondFactor, withSecondFactorBudget } from "@/lib/two-factor/service";
import { signinSchema } from "@/lib/users/schemas";
import { activityOrigin, recordActivity } from "@/lib/activity/record";
import type { SignInFailureReason } from "@/lib/activity/kinds";
import { verifyPassword } from "./password";
import { passwordPolicyIssues } from "./password-policy";
import { asSigninRefusal, beginPasskeySigninAttempt, beginSigninAttempt } from "./signin-throttle";

/** Codes passed back to the sign-in page as `?error=`; the page words them for people. */
export const SIGNIN_ERRORS = {
  throttled: "throttled",
  unavailable: "unavailable",
  /** Right password, two-factor on, no code given: ask for one. No session is made. */
  twoFactorRequired: "2fa_required",
  /** Right password, wrong (or spent) code. */
  twoFactorInvalid: "2fa_invalid",
  /** As `2fa_required`, for a user who also allows a passkey as the second factor. */
  twoFactorRequiredPasskey: "2fa_required_passkey",
  /** A passkey sign-in that did not verify (spent or expired challenge, unknown passkey, bad signature, counter). */
  passkeyInvalid: "passkey_invalid",
} as const;

type FailureDetails = { reason: SignInFailureReason };

/** The user next-auth signs in, with the session row this sign-in created. */
export type SignedInUser = NextAuthUser & { sessionId: string };

/**
 * The credentials step of sign-in: the throttle (lib/auth/signin-throttle.ts), then the password,
 * checked in constant time whether or not the account exists. `null` = refused.
 */
export async function authorizeCredentials(credentials: Record<string, string> | undefined, headers: Headers): Promise<SignedInUser | null> {
  return withSigninErrors(() => checkCredentials(credentials, headers));
}

/** Sign-in with a passkey alone: the signed answer to a challenge from `POST /api/auth/passkey/options`. */
export async function authorizePasskey(credentials: Record<string, string> | undefined, headers: Headers): Promise<SignedInUser | null> {
  return withSigninErrors(() => checkPasskey(credentials, headers));
}

async function withSigninErrors(step: () => Promise<SignedInUser | null>): Promise<SignedInUser | null> {
  try {
    return await step();
  } catch (error) {
    // next-auth copies a thrown message into the redirect URL: only our own codes may get there.
    if (error instanceof Error && Object.values<string>(SIGNIN_ERRORS).includes(error.message)) throw error;
    log.error("auth.signin_error", describeError(error));
    throw new Error(SIGNIN_ERRORS.unavailable);
  }
}

async function checkCredentials(credentials: Record<string, string> | undefined, headers: Headers): Promise<SignedInUser | null> {
  const parsed = signinSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();

  const attempt = await beginSigninAttempt(email, headers);

  const user = await db().user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const valid = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
  if (!user || !valid || !user.isActive) {
    await attempt.failed();
    // Only the account's owner reads its activity; an unknown email has no one to tell.
    if (user) await recordActivity(db(), user.id, "sign_in_failed", { reason: valid ? "account_inactive" : "wrong_password" } satisfies FailureDetails, activityOrigin(headers));
    log.info("auth.signin_failed", { known: Boolean(user) });
    return null;
  }
  await attempt.succeeded();
  const method = await secondFactorStep(user, credentials ?? {}, headers);
  const [sessionId] = await Promise.all([
    startSession({ user, userAgent: headers.get("user-agent") ?? "", ip: clientAddress(headers), method }),
    // The one moment the password itself is at hand: remember whether it is one the rules now refuse.
    db().user.update({ where: { id: user.id }, data: { lastLogin: new Date(), weakPasswordSeenAt: passwordPolicyIssues(parsed.data.password, user.email).length > 0 ? new Date() : null } }),
  ]);
  log.info("auth.signin", { userId: user.id, sessionId, method });
  if (method === "backup_code") {
    await notifyBackupCodeUsed(user, { when: new Date(), device: deviceLabel(headers.get("user-agent") ?? ""), ip: clientAddress(headers) });
  }
  return { id: user.uuid, email: user.email, name: user.firstName, sessionId };
}

/**
 * A user with two-factor on gets no session without a valid code (TOTP or an unused backup
 * code) in `otp`, or, with `passkeys_enabled_for_2fa`, a signed answer from one of their own
 * passkeys in `passkey` (with its `challenge`): checked only after the password was right, so
 * neither ever stands in for the password.
 */
async function secondFactorStep(user: { id: number; passkeysEnabledFor2fa: boolean | null }, credentials: Record<string, string>, headers: Headers): Promise<SignInMethod> {
  if (!(await hasTwoFactor(user.id))) return "password";
  const passkeyAllowed = user.passkeysEnabledFor2fa === true;
  const otp = credentials.otp;
  if (!otp?.trim() && passkeyAllowed && credentials.passkey) {
    const assertion = passkeySigninSchema.safeParse({ credential: credentials.passkey, challenge: credentials.challenge });
    const verified = await asSigninRefusal("two_factor", () =>
      withSecondFactorBudget(user.id, async () => (assertion.success ? verifyAssertion({ challengeId: assertion.data.challenge, credential: assertion.data.credential, userId: user.id }) : null)),
    );
    if (!verified) {
      await recordActivity(db(), user.id, "sign_in_failed", { reason: "wrong_passkey" } satisfies FailureDetails, activityOrigin(headers));
      log.info("auth.signin_second_factor_failed", { userId: user.id, factor: "passkey" });
      throw new Error(SIGNIN_ERRORS.twoFactorInvalid);
    }
    return "password_passkey";
  }
  if (!otp?.trim()) throw new Error(passkeyAllowed ? SIGNIN_ERRORS.twoFactorRequiredPasskey : SIGNIN_ERRORS.twoFactorRequired);
  const factor = await asSigninRefusal("two_factor", () => verifySecondFactor(user.id, otp));
  if (!factor) {
    await recordActivity(db(), user.id, "sign_in_failed", { reason: "wrong_code" } satisfies FailureDetails, activityOrigin(headers));
    log.info("auth.signin_second_factor_failed", { userId: user.id });
    throw new Error(SIGNIN_ERRORS.twoFactorInvalid);
  }
  return factor;
}

/**
 * The per-client sign-in budget, then the signature. A user with two-factor on needs the
 * authenticator to have verified the person (PIN or biometrics): possession alone would be one
 * factor where their password sign-in needs two.
 */
async function checkPasskey(credentials: Record<string, string> | undefined, headers: Headers): Promise<SignedInUser | null> {
  const parsed = passkeySigninSchema.safeParse(credentials ?? {});
  if (!parsed.success) throw new Error(SIGNIN_ERRORS.passkeyInvalid);
  const attempt = await beginPasskeySigninAttempt(headers);
  const verified = await verifyAssertion({ challengeId: parsed.data.challenge, credential: parsed.data.credential });
  const user = verified ? await db().user.findUnique({ where: { id: verified.userId } }) : null;
  if (!verified || !user?.isActive || (!verified.userVerified && (await hasTwoFactor(user.id)))) {
    await attempt.failed();
    // A signature that checks out names its account; that account's owner should see the refusal.
    if (user) {
      const reason: SignInFailureReason = user.isActive ? "passkey_not_user_verified" : "account_inactive";
      await recordActivity(db(), user.id, "sign_in_failed", { reason } satisfies FailureDetails, activityOrigin(headers));
    }
    log.info("auth.signin_failed", { method: "passkey" });
    throw new Error(SIGNIN_ERRORS.passkeyInvalid);
  }
  await attempt.succeeded();
  const [sessionId] = await Promise.all([
    startSession({ user, userAgent: headers.get("user-agent") ?? "", ip: clientAddress(headers), method: "passkey" }),
    db().user.update({ where: { id: user.id }, data: { lastLogin: new Date() }, select: { id: true } }),
  ]);
  log.info("auth.signin", { userId: user.id, sessionId, method: "passkey" });
  return { id: user.uuid, email: user.email, name: user.firstName, sessionId };
}
