import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { errors } from "@/lib/api/errors";
import { publicOrigin } from "@/lib/api/public-url";
import { hashPassword } from "@/lib/auth/password";
import { passwordPolicyIssues } from "@/lib/auth/password-policy";
import { clientAddress } from "@/lib/client-address";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { describeError, log } from "@/lib/log";
import { sendNotice, type NoticeOrigin } from "@/lib/mail/notice";
import { hashed, spend } from "@/lib/rate-limit";
import { deviceLabel } from "@/lib/sessions/device-label";
import { applyPassword } from "./password-change";
import { hasTwoFactor } from "@/lib/two-factor/service";
import {
  lifetimeText,
  PASSWORD_RESET_REQUESTED_DETAIL,
  type PasswordResetRequested,
  type PasswordResetTokenStatus,
} from "./password-reset-schemas";

interface ResetAccount {
  id: number;
  email: string;
  firstName: string;
}

const accountSelect = { id: true, email: true, firstName: true, isActive: true } as const;

function tokenHashOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function originOf(headers: Headers): NoticeOrigin {
  return { when: new Date(), device: deviceLabel(headers.get("user-agent") ?? ""), ip: clientAddress(headers) };
}

/**
 * A forgot-password request. Known and unknown addresses get the same answer after the same
 * work (the budget, a token, one lookup); issuing the link and mailing it happen after the answer,
 * so neither the database write nor the mail server's speed tells whether the account exists.
 */
export async function requestPasswordReset(email: string, headers: Headers): Promise<PasswordResetRequested> {
  await spend("password_reset_per_email", hashed(email));
  const token = randomBytes(32).toString("base64url");
  const tokenHash = tokenHashOf(token);
  const origin = originOf(headers);
  const user = await db().user.findUnique({ where: { email }, select: accountSelect });
  if (user?.isActive) {
    void issueResetLink(user, token, tokenHash, origin).catch((error: unknown) =>
      log.error("password_reset.issue_failed", { userId: user.id, ...describeError(error) }),
    );
  }
  return { detail: PASSWORD_RESET_REQUESTED_DETAIL };
}

/** Replaces the user's earlier links with this one, then mails it. */
async function issueResetLink(user: ResetAccount, token: string, tokenHash: string, origin: NoticeOrigin): Promise<void> {
  const ttl = env.passwordResetTtlSeconds;
  await db().$transaction(async (tx) => {
    // The user's row lock orders simultaneous requests, so exactly one link is left unused.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${user.id} FOR UPDATE`;
    await tx.passwordResetToken.deleteMany({ where: { userId: user.id } });
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + ttl * 1000) } });
  });
  await sendNotice(
    {
      to: user.email,
      firstName: user.firstName,
      subject: "Reset your password",
      paragraphs: [
        `Someone asked to reset the password of your ${env.appName} account (${user.email}).`,
        `To choose a new password, open the link below. It works once, for the next ${lifetimeText(ttl)}; asking again replaces it. Every device signed in to your account will be signed out.`,
      ],
      action: { label: "Choose a new password", url: `${publicOrigin()}/reset/${token}` },
      origin,
      ifNotYou: "If you didn't ask for this, ignore this mail: your password stays as it is, and the link is of no use without access to your mailbox.",
    },
    "password_reset.link",
  );
}

function tokenInvalid(): never {
  throw errors.validation([
    { attr: "token", code: "token_invalid", detail: "This reset link is not valid. It may have been used already or replaced by a newer one; ask for a new link." },
  ]);
}

function tokenExpired(): never {
  throw errors.validation([{ attr: "token", code: "token_expired", detail: "This reset link has expired. Ask for a new one." }]);
}

/** The unused, unexpired link `token` names, with its account; wrong, used and replaced links answer alike. */
async function liveToken(token: string) {
  const row = await db().passwordResetToken.findUnique({ where: { tokenHash: tokenHashOf(token) }, include: { user: { select: accountSelect } } });
  if (!row || row.usedAt || !row.user.isActive) tokenInvalid();
  if (row.expiresAt.getTime() <= Date.now()) tokenExpired();
  return row;
}

/** Whether a link still works, before the form is shown; spends nothing. */
export async function checkPasswordResetToken(token: string): Promise<PasswordResetTokenStatus> {
  const row = await liveToken(token);
  return { expires_at: row.expiresAt.toISOString() };
}

/**
 * Sets a new password through a reset link. The link is claimed with a conditional UPDATE, so of
 * simultaneous completions exactly one wins. It creates no session: the person signs in
 * afterwards, with their second factor when they have one.
 */
export async function completePasswordReset(token: string, password: string, headers: Headers): Promise<void> {
  const row = await liveToken(token);
  const policy = passwordPolicyIssues(password, row.user.email);
  if (policy.length > 0) throw errors.validation(policy);
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) tokenInvalid();
    await tx.passwordResetToken.deleteMany({ where: { userId: row.userId, usedAt: null } });
    await applyPassword(tx, row.userId, { passwordHash }, null, "password_reset");
  });
  log.info("password_reset.completed", { userId: row.userId });
  const twoFactor = await hasTwoFactor(row.userId);
  await sendNotice(
    {
      to: row.user.email,
      firstName: row.user.firstName,
      subject: "Your password was reset",
      paragraphs: [
        `The password of your ${env.appName} account (${row.user.email}) was just changed through a link from a forgot-password mail.`,
        "Every device that was signed in has been signed out. Sign in again with the new password.",
        ...(twoFactor ? ["Two-factor authentication is still on: signing in asks for your code as before."] : []),
      ],
      action: { label: "Sign in", url: `${publicOrigin()}/signin` },
      origin: originOf(headers),
      ifNotYou:
        "If this wasn't you, someone can read your mail: secure your email account first, then use \"Forgot password?\" on the sign-in page to choose a new password, and turn on two-factor authentication.",
    },
    "password_reset.completed",
  );
}
