import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { paginated, type Paginated } from "@/lib/api/pagination";
import { liveSessionIdsAmong } from "@/lib/sessions/service";
import { enforce, mayReadActivityOf } from "@/lib/users/permissions";
import type { Subject } from "@/lib/users/subject";
import type { ActivityKind } from "./kinds";
import type { ActivityDetails } from "./record";
import type { ActivityEntryDto, ActivityQuery } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Newest first, served by the (userId, id) and (userId, kind, id) indexes. */
export async function listActivity(subject: Subject, query: ActivityQuery, requestUrl: URL): Promise<Paginated<ActivityEntryDto>> {
  enforce(mayReadActivityOf(subject));
  const where = { userId: subject.user.id, ...(query.kind ? { kind: { in: query.kind } } : {}) };
  const [count, rows] = await Promise.all([
    db().activityEntry.count({ where }),
    db().activityEntry.findMany({ where, orderBy: { id: "desc" }, skip: query.offset, take: query.limit }),
  ]);
  const sessionIds = [...new Set(rows.flatMap((row) => (row.sessionId ? [row.sessionId] : [])))];
  const live = sessionIds.length ? await liveSessionIdsAmong(subject.user.id, sessionIds) : new Set<string>();
  const results = rows.map((row) => ({
    id: row.id,
    kind: row.kind as ActivityKind,
    created_at: row.createdAt.toISOString(),
    ip: row.ip,
    device: row.device,
    session_id: row.sessionId,
    session_active: row.sessionId !== null && live.has(row.sessionId),
    details: row.details as ActivityDetails,
  }));
  return paginated(requestUrl, query, count, results);
}

/** Removes entries older than the retention period (`ACTIVITY_RETENTION_DAYS`); returns how many. */
export async function pruneActivity(now = new Date()): Promise<{ removed: number; before: Date }> {
  const before = new Date(now.getTime() - env.activityRetentionDays * DAY_MS);
  const { count } = await db().activityEntry.deleteMany({ where: { createdAt: { lt: before } } });
  return { removed: count, before };
}
