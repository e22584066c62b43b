import "server-only";
import { errors } from "@/lib/api/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordPolicyIssues } from "@/lib/auth/password-policy";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { recordActivity } from "@/lib/activity/record";
import { sendNotice, type NoticeOrigin } from "@/lib/mail/notice";
import { hashed, spend } from "@/lib/rate-limit";
import { revokeOtherSessions } from "@/lib/sessions/service";
import { enforce, mayChangeIdentityWith, mayChangePasswordOf } from "./permissions";
import { newPasswordSchema, type UserPatch } from "./schemas";
import type { Subject } from "./subject";

type Client = ReturnType<typeof db>;
type Transaction = Parameters<Parameters<Client["$transaction"]>[0]>[0];

export interface SetNewPasswordOptions {
  /** The session that made the change and stays signed in; null ends every session (e.g. a reset link). */
  keepSessionId: string | null;
  /** Where the change came from, for the notice. */
  origin?: NoticeOrigin;
  /** The field the new password came in, for 400s (`password` unless told). */
  attr?: string;
}

/** A checked, hashed new password, ready to be written with whatever else the request changes. */
export interface PreparedPassword {
  passwordHash: string;
}

interface Owner {
  id: number;
  email: string;
  firstName: string;
}

/** The length rule (the forms' schema) and the server's block-list and email checks, every issue at once. */
async function prepare(owner: Owner, newPassword: string, attr: string): Promise<PreparedPassword> {
  const length = newPasswordSchema.safeParse(newPassword);
  if (!length.success) {
    throw errors.validation(length.error.issues.map((issue) => ({ attr, code: issue.code === "too_big" ? "max_length" : "invalid_input", detail: issue.message })));
  }
  const policy = passwordPolicyIssues(newPassword, owner.email, attr);
  if (policy.length > 0) throw errors.validation(policy);
  return { passwordHash: await hashPassword(newPassword) };
}

/**
 * Writes the hash, ends the other sessions and records the event in the caller's transaction;
 * returns how many sessions ended.
 */
export async function applyPassword(
  tx: Transaction,
  userId: number,
  prepared: PreparedPassword,
  keepSessionId: string | null,
  event: "password_changed" | "password_reset" = "password_changed",
): Promise<number> {
  await tx.user.update({ where: { id: userId }, data: { passwordHash: prepared.passwordHash, weakPasswordSeenAt: null }, select: { id: true } });
  const revoked = await revokeOtherSessions(userId, keepSessionId, tx);
  await recordActivity(tx, userId, event, { other_sessions_signed_out: revoked });
  return revoked;
}

/** The "password changed" mail; a mail failure never undoes the change. */
export async function notifyPasswordChanged(owner: Owner, origin: NoticeOrigin | undefined, revokedSessions: number): Promise<void> {
  await sendNotice(
    {
      to: owner.email,
      subject: "Your password was changed",
      firstName: owner.firstName,
      paragraphs: [
        "The password of your account was just changed.",
        revokedSessions > 0
          ? `Every other device that was signed in (${revokedSessions}) has been signed out.`
          : "No other device was signed in.",
      ],
      origin,
      ifNotYou: "If this wasn't you, reset your password right away and check your signed-in devices.",
    },
    "mail.password_changed",
  );
}

/**
 * Sets a user's password without asking for the old one (the caller has proved who they are some
 * other way, e.g. a reset link): the policy, then the hash and the end of every session but
 * `keepSessionId` in one transaction, then the notice. Throws 400s naming `attr`.
 */
export async function setNewPassword(userId: number, newPassword: string, options: SetNewPasswordOptions): Promise<{ revokedSessions: number }> {
  const owner = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, firstName: true } });
  if (!owner) throw errors.notFound();
  const prepared = await prepare(owner, newPassword, options.attr ?? "password");
  const revokedSessions = await db().$transaction((tx) => applyPassword(tx, userId, prepared, options.keepSessionId));
  await notifyPasswordChanged(owner, options.origin ?? { when: new Date() }, revokedSessions);
  return { revokedSessions };
}

/**
 * The password part of PATCH /api/users/:uuid, checked before anything is written: a browser
 * session, the caller's own account, the per-user attempt budget, the current password (unless
 * the account has none), then the new password's policy. `null` when the patch has no password.
 */
export async function preparePasswordChange(principal: Principal, subject: Subject, patch: UserPatch): Promise<PreparedPassword | null> {
  if (patch.password === undefined) {
    // With a new `email`, `current_password` belongs to the email change; sent alone, it asks for the new password.
    if (patch.current_password === undefined || patch.email !== undefined) return null;
    throw errors.invalidField("password", "required", "Enter the new password.");
  }
  enforce(mayChangeIdentityWith(principal.method));
  enforce(mayChangePasswordOf(subject));
  // Every attempt counts, spent before the old password is checked: parallel guesses cannot slip past.
  await spend("password_change", hashed(`user:${subject.user.id}`));
  if (subject.hasPassword) {
    if (!patch.current_password) throw errors.invalidField("current_password", "required", "Enter your current password.");
    const row = await db().user.findUniqueOrThrow({ where: { id: subject.user.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(row.passwordHash, patch.current_password))) {
      throw errors.invalidField("current_password", "incorrect_password", "Your current password is incorrect.");
    }
  }
  return prepare(subject.user, patch.password, "password");
}
