import "server-only";
import { z } from "zod";
import { errors } from "@/lib/api/errors";
import { clientAddress } from "@/lib/client-address";
import { db } from "@/lib/db/client";
import { deviceLabel } from "@/lib/sessions/device-label";
import { hasTwoFactor, notifyBackupCodeUsed, verifySecondFactor } from "@/lib/two-factor/service";
import { verifyPassword } from "./password";
import type { Principal } from "./principal";
import { secureModeEndsAt } from "./session-policy";
import { asApiThrottle, asSigninRefusal, beginSigninAttempt } from "./signin-throttle";

export const reauthenticateSchema = z
  .object({
    password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024),
    otp: z.string().trim().max(64).optional().meta({ description: "With two-factor on: a code from the authenticator app, or an unused backup code." }),
  })
  .meta({ id: "Reauthentication" });

export const secureModeSchema = z
  .object({ sensitive_session_expires_at: z.iso.datetime({ offset: true }).nullable().meta({ description: "When this session's secure mode ends; null once locked." }) })
  .meta({ id: "SecureMode" });

type SecureMode = z.infer<typeof secureModeSchema>;

function secureModeOf(authenticatedAt: Date): SecureMode {
  const endsAt = secureModeEndsAt(authenticatedAt);
  return { sensitive_session_expires_at: endsAt.getTime() > Date.now() ? endsAt.toISOString() : null };
}

/**
 * Proves it is still the person who signed in: the password (through the sign-in throttle), then
 * with two-factor on a code or backup code. A wrong answer does not say which part was wrong.
 * Renews the window of this session only.
 */
export async function reauthenticate(principal: Principal, { password, otp }: z.infer<typeof reauthenticateSchema>, headers: Headers): Promise<SecureMode> {
  const session = principal.session;
  if (!session) throw errors.notAuthenticated("Re-authentication is for a signed-in browser session.");
  const userId = principal.user.id;
  const twoFactor = await hasTwoFactor(userId);
  if (twoFactor && !otp) throw errors.invalidField("otp", "required", "Enter the code from your authenticator app, or a backup code.");

  const factor = await asApiThrottle(async () => {
    const attempt = await beginSigninAttempt(principal.user.email, headers);
    const row = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
    if (!(await verifyPassword(row?.passwordHash ?? null, password))) {
      await attempt.failed();
      return null;
    }
    await attempt.succeeded();
    return twoFactor ? asSigninRefusal("two_factor", () => verifySecondFactor(userId, otp ?? "")) : "password";
  });
  if (!factor) throw errors.invalidField(null, "invalid_credentials", "That password or code is not right.");

  const now = new Date();
  await db().session.update({ where: { id: session.id }, data: { authenticatedAt: now } });
  if (factor === "backup_code") {
    await notifyBackupCodeUsed(principal.user, { when: now, device: deviceLabel(headers.get("user-agent") ?? ""), ip: clientAddress(headers) });
  }
  return secureModeOf(now);
}

/** Ends this session's secure mode now: the next sensitive change asks again. */
export async function lockSecureMode(principal: Principal): Promise<SecureMode> {
  if (!principal.session) throw errors.notAuthenticated("Secure mode is for a signed-in browser session.");
  const past = new Date(0);
  await db().session.update({ where: { id: principal.session.id }, data: { authenticatedAt: past } });
  return secureModeOf(past);
}
