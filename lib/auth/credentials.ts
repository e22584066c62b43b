import "server-only";
import type { User as NextAuthUser } from "next-auth";
import { db } from "@/lib/db/client";
import { describeError, log } from "@/lib/log";
import { clientAddress } from "@/lib/client-address";
import { deviceLabel } from "@/lib/sessions/device-label";
import { startSession, type SignInMethod } from "@/lib/sessions/service";
import { hasTwoFactor, notifyBackupCodeUsed, verifySecondFactor } from "@/lib/two-factor/service";
import { signinSchema } from "@/lib/users/schemas";
import { activityOrigin, recordActivity } from "@/lib/activity/record";
import type { SignInFailureReason } from "@/lib/activity/kinds";
import { verifyPassword } from "./password";
import { passwordPolicyIssues } from "./password-policy";
import { asSigninRefusal, beginSigninAttempt } from "./signin-throttle";

/** Codes passed back to the sign-in page as `?error=`; the page words them for people. */
export const SIGNIN_ERRORS = {
  throttled: "throttled",
  unavailable: "unavailable",
  /** Right password, two-factor on, no code given: ask for one. No session is made. */
  twoFactorRequired: "2fa_required",
  /** Right password, wrong (or spent) code. */
  twoFactorInvalid: "2fa_invalid",
} as const;

type FailureDetails = { reason: SignInFailureReason };

/** The user next-auth signs in, with the session row this sign-in created. */
export type SignedInUser = NextAuthUser & { sessionId: string };

/**
 * The credentials step of sign-in: the throttle (lib/auth/signin-throttle.ts), then the password,
 * checked in constant time whether or not the account exists. `null` = refused.
 */
export async function authorizeCredentials(credentials: Record<string, string> | undefined, headers: Headers): Promise<SignedInUser | null> {
  try {
    return await checkCredentials(credentials, headers);
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
  const method = await secondFactorStep(user, credentials?.otp, headers);
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
 * code) in `otp`, checked only after the password was right, so a backup code never stands in
 * for the password.
 */
async function secondFactorStep(user: { id: number }, otp: string | undefined, headers: Headers): Promise<SignInMethod> {
  if (!(await hasTwoFactor(user.id))) return "password";
  if (!otp?.trim()) throw new Error(SIGNIN_ERRORS.twoFactorRequired);
  const factor = await asSigninRefusal("two_factor", () => verifySecondFactor(user.id, otp));
  if (!factor) {
    await recordActivity(db(), user.id, "sign_in_failed", { reason: "wrong_code" } satisfies FailureDetails, activityOrigin(headers));
    log.info("auth.signin_second_factor_failed", { userId: user.id });
    throw new Error(SIGNIN_ERRORS.twoFactorInvalid);
  }
  return factor;
}

