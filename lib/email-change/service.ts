import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { errors } from "@/lib/api/errors";
import { publicOrigin } from "@/lib/api/public-url";
import { verifyPassword } from "@/lib/auth/password";
import type { AuthUser, Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { recordActivity } from "@/lib/activity/record";
import { sendNotice, type NoticeOrigin } from "@/lib/mail/notice";
import { hashed, limiter, spend, type RateRuleName } from "@/lib/rate-limit";
import { revokeOtherSessions } from "@/lib/sessions/service";
import { enforce, mayChangeEmailOf, mayChangeIdentityWith } from "@/lib/users/permissions";
import type { Subject } from "@/lib/users/subject";
import type { VerifyEmailBody } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Transaction = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Budgets count per user uuid as written, so an unknown uuid spends and answers exactly like a known one. */
const budgetKey = (uuid: string) => hashed(`user:${uuid.trim().toLowerCase()}`);

/** Past the budget even a right answer waits: the 429 says nothing about whether it was right. */
async function assertBudgetLeft(name: RateRuleName, key: string): Promise<void> {
  const used = (await limiter(name).get(key))?.consumedPoints ?? 0;
  if (used >= limiter(name).points) await spend(name, key);
}

function originOf(principal: Principal | null): NoticeOrigin {
  return { when: new Date(), device: principal?.session?.device, ip: principal?.session?.ip };
}

function lifetimeText(): string {
  const seconds = env.emailVerificationTtlSeconds;
  if (seconds % 3600 === 0) return seconds === 3600 ? "1 hour" : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? "1 minute" : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/** A new single-use link for `email`; earlier unused links of the user stop working. */
async function issueLink(user: Pick<AuthUser, "id" | "uuid">, email: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + env.emailVerificationTtlSeconds * 1000);
  await db().$transaction([
    db().emailVerificationToken.deleteMany({ where: { userId: user.id, usedAt: null } }),
    db().emailVerificationToken.create({ data: { userId: user.id, email, tokenHash: tokenHash(token), expiresAt } }),
  ]);
  const url = new URL("/verify-email", publicOrigin());
  url.searchParams.set("uuid", user.uuid);
  url.searchParams.set("token", token);
  return url.toString();
}

async function mailChangeLink(user: AuthUser, newEmail: string, principal: Principal | null): Promise<void> {
  const url = await issueLink(user, newEmail);
  await sendNotice(
    {
      to: newEmail,
      subject: "Confirm your new email address",
      firstName: user.firstName,
      paragraphs: [
        `You asked to change the email address of your ${env.appName} account from ${user.email} to ${newEmail}.`,
        `Open the link below to confirm that this address is yours. It works once and for ${lifetimeText()}. Until then you keep signing in with ${user.email}.`,
      ],
      action: { label: "Confirm this address", url },
      origin: originOf(principal),
      ifNotYou: "If you did not ask for this, ignore this mail: nothing changes unless the link is opened.",
    },
    "email_change.verification",
  );
}

async function mailAccountLink(user: AuthUser, principal: Principal | null, welcome: boolean): Promise<void> {
  const url = await issueLink(user, user.email);
  await sendNotice(
    {
      to: user.email,
      subject: welcome ? "Welcome! Confirm your email address" : "Confirm your email address",
      firstName: user.firstName,
      paragraphs: [
        ...(welcome ? [`Your ${env.appName} account is ready. You can sign in with ${user.email}.`] : []),
        `Open the link below to confirm that this address is yours. It works once and for ${lifetimeText()}.`,
      ],
      action: { label: "Confirm my email address", url },
      origin: welcome ? undefined : originOf(principal),
      ifNotYou: welcome ? "If you did not sign up, ignore this mail." : "If you did not ask for this link, ignore this mail.",
    },
    welcome ? "signup.verification" : "email.verification",
  );
}

/** The one mail after sign-up: welcome, with the link that verifies the address. */
export async function sendSignupVerification(user: AuthUser): Promise<void> {
  await mailAccountLink(user, null, true);
}

export interface EmailChangePlan {
  /** What the PATCH writes: `pendingEmail` for a staged change, `email` for a case-only one. */
  data: Prisma.UserUncheckedUpdateInput;
  /** Written with it, in its transaction: a staged change is in the account's activity. */
  activity?: { kind: "email_change_requested"; details: { email: string } };
  /** After the write: the link to the new address and the heads-up to the old one. */
  afterWrite: () => Promise<void>;
}

function incorrectPassword(): never {
  throw errors.invalidField("current_password", "incorrect_password", "Your current password is incorrect.");
}

/**
 * Validates an email change before anything is written: a session, the caller's own account,
 * then the current password, and only then whether the address is free, so the endpoint cannot
 * tell anyone without the password which addresses have accounts.
 */
export async function planEmailChange(
  principal: Principal,
  subject: Subject,
  change: { email?: string; current_password?: string },
): Promise<EmailChangePlan | null> {
  if (change.email === undefined) return null;
  enforce(mayChangeIdentityWith(principal.method));
  enforce(mayChangeEmailOf(subject));
  const user = subject.user;
  const email = change.email;
  if (email.toLowerCase() === user.email.toLowerCase()) {
    // Letter case only: the same mailbox, so nothing to prove and nothing to mail.
    return { data: email === user.email ? {} : { email }, afterWrite: async () => {} };
  }

  if (!change.current_password) {
    throw errors.invalidField("current_password", "required", "Enter your current password to change your email address.");
  }
  const passwordKey = budgetKey(user.uuid);
  await assertBudgetLeft("email_change_password", passwordKey);
  const row = await db().user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row?.passwordHash ?? null, change.current_password))) {
    await spend("email_change_password", passwordKey);
    incorrectPassword();
  }

  const taken = await db().user.findFirst({ where: { email, id: { not: user.id } }, select: { id: true } });
  if (taken) throw errors.invalidField("email", "unique", "Another account uses this email address.");
  await spend("email_verification_mail", budgetKey(user.uuid));

  return {
    data: { pendingEmail: email },
    activity: { kind: "email_change_requested", details: { email } },
    afterWrite: async () => {
      log.info("email_change.staged", { userId: user.id });
      await mailChangeLink(user, email, principal);
      await sendNotice(
        {
          to: user.email,
          subject: "Your email address is being changed",
          firstName: user.firstName,
          paragraphs: [
            `Someone signed in to your ${env.appName} account asked to change its email address to ${email}.`,
            `Nothing changes until the link we sent to ${email} is opened. You keep signing in with ${user.email} until then.`,
          ],
          origin: originOf(principal),
          ifNotYou: "If this wasn't you, sign in, cancel the change on your Profile page, change your password and sign out your other devices on the Security page.",
        },
        "email_change.heads_up",
      );
    },
  };
}

/** (Re)sends a link: to the staged address if there is one, else to an unverified account address; otherwise nothing. */
export async function requestEmailVerification(principal: Principal | null, uuid: string): Promise<{ success: true }> {
  await spend("email_verification_mail", budgetKey(uuid));
  const normalised = uuid.trim().toLowerCase();
  const user = UUID.test(normalised) ? await db().user.findFirst({ where: { uuid: normalised, isActive: true } }) : null;
  if (user?.pendingEmail) await mailChangeLink(user, user.pendingEmail, principal);
  else if (user && user.isEmailVerified === false) await mailAccountLink(user, principal, false);
  return { success: true };
}

function invalidToken(): never {
  throw errors.invalidField("token", "invalid_token", "This link is not valid. It may have been used already, or replaced by a newer one.");
}

function emailTaken(): never {
  throw errors.invalidField("email", "email_taken", "Another account started using this email address in the meantime. Your address was not changed.");
}

/**
 * Verifies the address a mailed link was issued for. Never signs anyone in: the link proves the
 * mailbox, not the person, so whoever opens it keeps whatever session they had.
 */
export async function verifyEmail(principal: Principal | null, body: VerifyEmailBody): Promise<{ success: true }> {
  const attemptKey = budgetKey(body.uuid);
  await assertBudgetLeft("email_verification_attempt", attemptKey);
  const uuid = body.uuid.trim().toLowerCase();
  const user = UUID.test(uuid) ? await db().user.findFirst({ where: { uuid, isActive: true } }) : null;
  const token = user ? await db().emailVerificationToken.findUnique({ where: { tokenHash: tokenHash(body.token) } }) : null;
  if (!user || !token || token.userId !== user.id || token.usedAt) {
    await spend("email_verification_attempt", attemptKey);
    invalidToken();
  }
  if (token.expiresAt.getTime() <= Date.now()) {
    throw errors.invalidField("token", "token_expired", "This link has expired. Ask for a new one.");
  }
  if (token.email === user.pendingEmail) return applyChange(principal, user, token.id, token.email);
  if (token.email !== user.email) invalidToken();

  await db().$transaction(async (tx) => {
    await claim(tx, token.id);
    await tx.user.update({ where: { id: user.id }, data: { isEmailVerified: true } });
  });
  log.info("email.verified", { userId: user.id });
  return { success: true };
}

async function claim(tx: Transaction, tokenId: string): Promise<void> {
  // Of two requests with one link, exactly one marks it used.
  const { count } = await tx.emailVerificationToken.updateMany({ where: { id: tokenId, usedAt: null }, data: { usedAt: new Date() } });
  if (count === 0) invalidToken();
}

async function applyChange(principal: Principal | null, user: AuthUser, tokenId: string, newEmail: string): Promise<{ success: true }> {
  const oldEmail = user.email;
  const keep = principal?.method === "session" && principal.user.id === user.id ? (principal.session?.id ?? null) : null;
  try {
    await db().$transaction(async (tx) => {
      await claim(tx, tokenId);
      const [row] = await tx.$queryRaw<Array<{ pendingEmail: string | null }>>`
        SELECT "pendingEmail" FROM users WHERE id = ${user.id} FOR UPDATE`;
      if (row?.pendingEmail !== newEmail) invalidToken();
      if (await tx.user.findFirst({ where: { email: newEmail, id: { not: user.id } }, select: { id: true } })) emailTaken();
      await tx.user.update({ where: { id: user.id }, data: { email: newEmail, pendingEmail: null, isEmailVerified: true } });
      await tx.emailVerificationToken.deleteMany({ where: { userId: user.id, usedAt: null } });
      const signedOut = await revokeOtherSessions(user.id, keep, tx);
      await recordActivity(tx, user.id, "email_change_confirmed", { from: oldEmail, to: newEmail, other_sessions_signed_out: signedOut });
    });
  } catch (error) {
    // An account created with the address between the check and the write.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") emailTaken();
    throw error;
  }
  log.info("email_change.applied", { userId: user.id });
  const origin = originOf(principal?.user.id === user.id ? principal : null);
  const paragraphs = [
    `The email address of your ${env.appName} account is now ${newEmail} (it was ${oldEmail}). Sign in with ${newEmail} from now on.`,
    "Every other device signed in to the account was signed out.",
  ];
  const ifNotYou = "If you did not make this change, contact your administrator right away: someone who knows your password may have taken over your account.";
  for (const to of [oldEmail, newEmail]) {
    await sendNotice({ to, subject: "Your email address was changed", firstName: user.firstName, paragraphs, origin, ifNotYou }, "email_change.applied");
  }
  return { success: true };
}

/** Drops the caller's staged address; its link stops working. */
export async function cancelEmailChange(principal: Principal): Promise<AuthUser> {
  enforce(mayChangeIdentityWith(principal.method));
  const userId = principal.user.id;
  const updated = await db().$transaction(async (tx) => {
    const [cancelled] = await tx.$queryRaw<Array<{ pendingEmail: string }>>`
      SELECT "pendingEmail" FROM users WHERE id = ${userId} AND "pendingEmail" IS NOT NULL FOR UPDATE`;
    if (!cancelled) {
      throw errors.invalidField(null, "email_change_request_not_found", "There is no email change waiting to be confirmed.");
    }
    await tx.user.update({ where: { id: userId }, data: { pendingEmail: null }, select: { id: true } });
    await recordActivity(tx, userId, "email_change_cancelled", { email: cancelled.pendingEmail });
    await tx.emailVerificationToken.deleteMany({ where: { userId, usedAt: null } });
    return tx.user.findUniqueOrThrow({ where: { id: userId } });
  });
  log.info("email_change.cancelled", { userId });
  return updated;
}
