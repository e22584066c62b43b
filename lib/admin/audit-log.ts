import "server-only";
import type { NextRequest } from "next/server";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { paginated, type Paginated } from "@/lib/api/pagination";
import type { Principal } from "@/lib/auth/principal";
import { clientAddress } from "@/lib/client-address";
import { recordActivity, type ActivityDetails } from "@/lib/activity/record";
import type { AuditAction, AuditEntryDto, AuditLogQuery } from "./audit-schemas";

type Transaction = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/** Who acted, and from where: what an audit entry records of the caller. */
export interface AuditActor {
  user: { id: number; uuid: string; email: string; isStaff: boolean };
  ip: string | null;
}

export function auditActorOf(principal: Principal, request: NextRequest): AuditActor {
  return { user: principal.user, ip: principal.session?.ip ?? clientAddress(request.headers) };
}

export type Changes = Record<string, { before: unknown; after: unknown }>;

/** The fields whose value differs between the two views, each with both values. */
export function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = { before: before[field] ?? null, after: after[field] ?? null };
  }
  return changes;
}

/**
 * Written inside the action's own transaction: the entry exists exactly when the action happened.
 * The target's own activity log gets a line too (not for a deletion: that log goes with the
 * account); it names the staff member but not their address or device.
 */
export async function recordAudit(
  tx: Transaction,
  actor: AuditActor,
  action: AuditAction,
  target: { id: number; uuid: string; email: string } | null,
  changes: Changes = {},
): Promise<void> {
  if (target && action !== "user.deleted") {
    await recordActivity(tx, target.id, "staff_action", staffActionDetails(actor, action, changes), STAFF_ORIGIN);
  }
  await tx.auditLogEntry.create({
    data: {
      action,
      actorUuid: actor.user.uuid,
      actorEmail: actor.user.email,
      targetUuid: target?.uuid ?? null,
      targetEmail: target?.email ?? null,
      changes: changes as Prisma.InputJsonValue,
      ip: actor.ip,
    },
  });
}

const STAFF_ORIGIN = { ip: null, device: null, sessionId: null };

export function staffActionDetails(actor: AuditActor, action: AuditAction, changes: Changes = {}): ActivityDetails {
  return { action, staff: actor.user.email, fields: Object.keys(changes) };
}

/** The same line in the activity log of every user an action on everyone reached, in one statement. */
export async function recordStaffActionForEveryone(tx: Transaction, actor: AuditActor, action: AuditAction): Promise<void> {
  const details = JSON.stringify(staffActionDetails(actor, action));
  await tx.$executeRaw`
    INSERT INTO account_activity ("userId", kind, details)
    SELECT id, 'staff_action', ${details}::jsonb FROM users WHERE "isActive" AND id <> ${actor.user.id}`;
}

/** Newest first; filters use the (actor | target | action, id) indexes. */
export async function listAuditLog(query: AuditLogQuery, requestUrl: URL): Promise<Paginated<AuditEntryDto>> {
  const where: Prisma.AuditLogEntryWhereInput = { actorUuid: query.actor, targetUuid: query.target, action: query.action };
  const [count, rows] = await db().$transaction([
    db().auditLogEntry.count({ where }),
    db().auditLogEntry.findMany({ where, orderBy: { id: "desc" }, skip: query.offset, take: query.limit }),
  ]);
  const results = rows.map((row) => ({
    id: row.id,
    action: row.action as AuditAction,
    actor: { uuid: row.actorUuid, email: row.actorEmail },
    target: row.targetUuid && row.targetEmail ? { uuid: row.targetUuid, email: row.targetEmail } : null,
    changes: row.changes as Changes,
    ip: row.ip,
    created_at: row.createdAt.toISOString(),
  }));
  return paginated(requestUrl, query, count, results);
}
