import "server-only";
import { db } from "@/lib/db/client";
import { errors } from "@/lib/api/errors";
import { withoutPasswordHash, type AuthUser, type Principal } from "@/lib/auth/principal";
import { enforce, mayAddress, parseUserRef } from "./permissions";

/** Path parameters that name a user (`:uuid` on most routes, `:user_id` on signal autonomy). */
export type SubjectParam = "uuid" | "user_id";

export interface Subject {
  user: AuthUser;
  hasPassword: boolean;
  isSelf: boolean;
}

/**
 * The user a path names, for the route wrapper's `subject` step: the caller costs no query;
 * anyone else needs staff (the permission rules), and an unknown or malformed id is a 404.
 */
export async function resolveSubject(principal: Principal, ref: string): Promise<Subject> {
  const target = parseUserRef(principal.user, ref);
  enforce(mayAddress(principal.user, target));
  if (target.kind === "self") return { user: principal.user, hasPassword: principal.hasPassword, isSelf: true };
  if (target.kind === "malformed") throw errors.notFound();
  const row = await db().user.findFirst({ where: { uuid: target.uuid, isActive: true }, omit: { passwordHash: false } });
  if (!row) throw errors.notFound();
  return { ...withoutPasswordHash(row), isSelf: false };
}
