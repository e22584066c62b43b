import "server-only";
import { db } from "@/lib/db/client";
import { errors } from "@/lib/api/errors";
import { WITH_TWO_FACTOR, withoutPasswordHash, type Account, type Principal } from "@/lib/auth/principal";
import type { AccountDetails } from "./memberships";
import { enforce, mayAddress, parseUserRef } from "./permissions";

/** The path parameter that names a user (every route names users by uuid or `@me`). */
export type SubjectParam = "uuid";

export interface Subject extends Account {
  isSelf: boolean;
  /** The caller's memberships and scene choices when the session check read them (`subjectDetails`). */
  details?: AccountDetails;
}

/** The caller as the subject of their own request. */
export function selfSubject({ user, hasPassword, twoFactorEnabled, details }: Principal): Subject {
  return { user, hasPassword, twoFactorEnabled, isSelf: true, ...(details ? { details } : {}) };
}

/**
 * The user a path names, for the route wrapper's `subject` step: the caller costs no query;
 * anyone else needs staff (the permission rules), and an unknown or malformed id is a 404.
 */
export async function resolveSubject(principal: Principal, ref: string): Promise<Subject> {
  const target = parseUserRef(principal.user, ref);
  enforce(mayAddress(principal.user, target));
  if (target.kind === "self") return selfSubject(principal);
  if (target.kind === "malformed") throw errors.notFound();
  const row = await db().user.findFirst({ where: { uuid: target.uuid, isActive: true }, omit: { passwordHash: false }, include: WITH_TWO_FACTOR });
  if (!row) throw errors.notFound();
  return { ...withoutPasswordHash(row), isSelf: false };
}
