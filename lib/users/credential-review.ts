import "server-only";
import { db } from "@/lib/db/client";
import type { Subject } from "./subject";
import { enforce, mayCompleteCredentialReviewOf } from "./permissions";

/** Staff ask a user to review their credentials; the user is held at /review-credentials until they confirm. */
export async function requestCredentialReview(userId: number): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { requiresCredentialReview: true } });
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
  ]);
}
