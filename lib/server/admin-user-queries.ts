import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ApiError } from "@/lib/api/errors";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { getUser } from "@/lib/users/service";
import { resolveSubject, type Subject } from "@/lib/users/subject";
import type { UserDto } from "@/lib/users/user-schema";

export interface AdminUserDetail {
  user: UserDto;
  /** Devices signed in right now (sessions not revoked). */
  activeSessions: number;
}

async function subjectOrNotFound(principal: Principal, uuid: string): Promise<Subject> {
  try {
    return await resolveSubject(principal, uuid);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

/**
 * What `/admin/users/[uuid]` shows: the user as `GET /api/users/{uuid}/` answers, and their signed-in
 * devices. Cached per request, so the page and its metadata read once.
 */
export const adminUserDetail = cache(async (principal: Principal, uuid: string): Promise<AdminUserDetail> => {
  const subject = await subjectOrNotFound(principal, uuid);
  const [user, activeSessions] = await Promise.all([
    getUser(principal, subject),
    db().session.count({ where: { userId: subject.user.id, revokedAt: null } }),
  ]);
  return { user, activeSessions };
});
