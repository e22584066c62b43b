import "server-only";
import { db } from "@/lib/db/client";
import { errors } from "@/lib/api/errors";
import type { PushToken } from "@/lib/generated/prisma/client";
import { lockUserRow } from "@/lib/users/locked-row";
import { enforce, mayManagePushTokensOf } from "@/lib/users/permissions";
import type { Subject } from "@/lib/users/subject";
import { PUSH_TOKENS_PER_USER, type PushDeviceDto, type PushTokenRegistration } from "./schemas";

/** Enough to tell two devices apart, never enough to push to one. */
function tokenHint(token: string): string {
  return token.length >= 12 ? `…${token.slice(-4)}` : "…";
}

function serialize(row: PushToken): PushDeviceDto {
  return {
    id: row.id,
    platform: row.platform,
    token_hint: tokenHint(row.token),
    created_at: row.createdAt.toISOString(),
    last_seen_at: row.lastSeenAt.toISOString(),
  };
}

/**
 * Registers the caller's device, or refreshes its platform and last-seen time. Rows are per user:
 * the same token registered by another user stays theirs, untouched. The user's row lock makes
 * the limit exact under concurrent registrations; beyond it the least recently seen go.
 */
export async function registerPushToken(subject: Subject, { token, platform }: PushTokenRegistration): Promise<{ created: boolean; device: PushDeviceDto }> {
  enforce(mayManagePushTokensOf(subject));
  const userId = subject.user.id;
  return db().$transaction(async (tx) => {
    await lockUserRow(tx, userId);
    const existing = await tx.pushToken.findUnique({ where: { userId_token: { userId, token } }, select: { id: true } });
    const row = existing
      ? await tx.pushToken.update({ where: { id: existing.id }, data: { platform, lastSeenAt: new Date() } })
      : await tx.pushToken.create({ data: { userId, token, platform } });
    const evicted = await tx.pushToken.findMany({
      where: { userId },
      orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
      skip: PUSH_TOKENS_PER_USER,
      select: { id: true },
    });
    if (evicted.length > 0) await tx.pushToken.deleteMany({ where: { id: { in: evicted.map(({ id }) => id) } } });
    return { created: !existing, device: serialize(row) };
  });
}

/** Removes the caller's row for this token, if any; another user's identical token is theirs. */
export async function unregisterPushToken(subject: Subject, token: string): Promise<void> {
  enforce(mayManagePushTokensOf(subject));
  await db().pushToken.deleteMany({ where: { userId: subject.user.id, token } });
}

/** Removes one of the caller's devices by id (the settings page never holds the token itself). */
export async function removePushDevice(subject: Subject, id: string): Promise<void> {
  enforce(mayManagePushTokensOf(subject));
  const { count } = await db().pushToken.deleteMany({ where: { id, userId: subject.user.id } });
  if (count === 0) throw errors.notFound("No such device.");
}

/** Most recently seen first. */
export async function listPushDevices(subject: Subject, { limit, offset }: { limit: number; offset: number }): Promise<{ count: number; results: PushDeviceDto[] }> {
  enforce(mayManagePushTokensOf(subject));
  const where = { userId: subject.user.id };
  const [count, rows] = await Promise.all([
    db().pushToken.count({ where }),
    db().pushToken.findMany({ where, orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }], skip: offset, take: limit }),
  ]);
  return { count, results: rows.map(serialize) };
}
