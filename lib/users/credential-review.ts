import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit, recordStaffActionForEveryone, type AuditActor } from "@/lib/admin/audit-log";
import { recordActivity } from "@/lib/activity/record";
import type { Subject } from "./subject";
import { enforce, mayCompleteCredentialReviewOf } from "./permissions";

/**
 * Staff ask a user to review their credentials; the user is held at /review-credentials until they
 * confirm. With an actor (a staff request over HTTP) the request is audited in the same transaction.
 */
export async function requestCredentialReview(userId: number, actor?: AuditActor): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { requiresCredentialReview: true }, select: { id: true, uuid: true, email: true } });
    if (actor) await recordAudit(tx, actor, "user.credential_review_requested", user);
  });
}

/** Everyone active but the staff user asking, in one statement; one audit entry says how many. */
export async function requestCredentialReviewOfEveryone(actor: AuditActor): Promise<number> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { isActive: true, id: { not: actor.user.id } }, data: { requiresCredentialReview: true } });
    await recordAudit(tx, actor, "user.credential_review_requested_all", null, { users_asked: { before: null, after: count } });
    await recordStaffActionForEveryone(tx, actor, "user.credential_review_requested_all");
    return count;
  });
}

/**
 * The user confirms the review: the flag clears, and the first confirmation is recorded as the
 * review time (later ones leave it). Idempotent.
 */
export async function completeCredentialReview(subject: Subject): Promise<void> {
  enforce(mayCompleteCredentialReviewOf(subject));
  const id = subject.user.id;
  await db().$transaction([
    db().user.updateMany({ where: { id, credentialsReviewedAt: null }, data: { credentialsReviewedAt: new Date() } }),
    db().user.update({ where: { id }, data: { requiresCredentialReview: false } }),
    recordActivity(db(), id, "credentials_reviewed"),
  ]);
}
