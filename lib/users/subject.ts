import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { errors } from "@/lib/api/errors";
import { withoutPasswordHash, type AuthUser, type Principal } from "@/lib/auth/principal";

export interface Subject {
  user: AuthUser;
  hasPassword: boolean;
  isSelf: boolean;
}

const uuidSchema = z.uuid();

/**
 * `:uuid` in a path: `@me` (also percent-encoded) or the caller's own uuid is the caller;
 * anyone else needs staff, and staff asking for an unknown or malformed id get 404.
 */
export async function resolveSubject(principal: Principal, ref: string): Promise<Subject> {
  const decoded = ref.replace(/^%40/i, "@");
  const self = { user: principal.user, hasPassword: principal.hasPassword, isSelf: true };
  if (decoded === "@me" || decoded.toLowerCase() === principal.user.uuid) return self;
  if (!principal.user.isStaff) {
    throw errors.permissionDenied("As a non-staff user you're only allowed to access the `@me` user instance.");
  }
  if (!uuidSchema.safeParse(decoded).success) throw errors.notFound();
  const row = await db().user.findFirst({ where: { uuid: decoded.toLowerCase(), isActive: true }, omit: { passwordHash: false } });
  if (!row) throw errors.notFound();
  return { ...withoutPasswordHash(row), isSelf: false };
}
