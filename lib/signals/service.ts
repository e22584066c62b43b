import "server-only";
import { db } from "@/lib/db/client";
import { errors } from "@/lib/api/errors";
import type { Principal } from "@/lib/auth/principal";
import { changesBetween, recordAudit, type AuditActor } from "@/lib/admin/audit-log";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isAuditedAction } from "@/lib/users/permissions";
import type { Subject } from "@/lib/users/subject";
import type { SignalAutonomyDto, SignalAutonomyInput } from "./schemas";

const WITH_USER = { user: { select: { id: true, uuid: true, firstName: true, lastName: true, email: true } } } as const;
type ConfigRow = Prisma.SignalAutonomyConfigGetPayload<{ include: typeof WITH_USER }>;

const AUDITED_FIELDS = ["opted_in", "autostart_priority", "slack_notification_channel", "slack_notification_min_priority"] as const;

function serialize(row: ConfigRow): SignalAutonomyDto {
  return {
    id: row.id,
    user: { id: row.user.id, uuid: row.user.uuid, first_name: row.user.firstName, last_name: row.user.lastName, email: row.user.email },
    autostart_priority: row.autostartPriority,
    slack_notification_channel: row.slackNotificationChannel,
    slack_notification_min_priority: row.slackNotificationMinPriority,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** What an audit entry compares: opted in or not, and each value. */
function auditView(row: ConfigRow | null): Record<string, unknown> {
  if (!row) return { opted_in: false, autostart_priority: null, slack_notification_channel: null, slack_notification_min_priority: null };
  const { autostart_priority, slack_notification_channel, slack_notification_min_priority } = serialize(row);
  return { opted_in: true, autostart_priority, slack_notification_channel, slack_notification_min_priority };
}

/** Only the keys the caller sent (zod leaves absent keys out), in the table's names. */
type Columns = Pick<Prisma.SignalAutonomyConfigUncheckedCreateInput, "autostartPriority" | "slackNotificationChannel" | "slackNotificationMinPriority">;

function columnsOf(input: SignalAutonomyInput): Columns {
  const data: Columns = {};
  if (input.autostart_priority !== undefined) data.autostartPriority = input.autostart_priority;
  if (input.slack_notification_channel !== undefined) data.slackNotificationChannel = input.slack_notification_channel;
  if (input.slack_notification_min_priority !== undefined) data.slackNotificationMinPriority = input.slack_notification_min_priority;
  return data;
}

export async function getSignalAutonomy(subject: Subject): Promise<SignalAutonomyDto> {
  const row = await db().signalAutonomyConfig.findUnique({ where: { userId: subject.user.id }, include: WITH_USER });
  if (!row) throw errors.notFound("This user has not opted in to signal autonomy.");
  return serialize(row);
}

/** The config for the Preferences page's first paint, or null when not opted in. */
export async function findSignalAutonomy(userId: number): Promise<SignalAutonomyDto | null> {
  const row = await db().signalAutonomyConfig.findUnique({ where: { userId }, include: WITH_USER });
  return row ? serialize(row) : null;
}

/**
 * Opts in, or changes the keys sent. The insert skips an existing row (one row per user, however
 * many first posts race), then only the keys sent are written; a staff write to another user is
 * audited in the same transaction.
 */
export async function saveSignalAutonomy(
  principal: Principal,
  subject: Subject,
  input: SignalAutonomyInput,
  actor: AuditActor,
): Promise<{ created: boolean; config: SignalAutonomyDto }> {
  const userId = subject.user.id;
  const data = columnsOf(input);
  const audited = isAuditedAction(principal.user, subject.user);
  return db().$transaction(async (tx) => {
    const before = audited ? await tx.signalAutonomyConfig.findUnique({ where: { userId }, include: WITH_USER }) : null;
    const { count } = await tx.signalAutonomyConfig.createMany({ data: [{ ...data, userId }], skipDuplicates: true });
    const created = count === 1;
    const row =
      created || Object.keys(data).length === 0
        ? await tx.signalAutonomyConfig.findUniqueOrThrow({ where: { userId }, include: WITH_USER })
        : await tx.signalAutonomyConfig.update({ where: { userId }, data, include: WITH_USER });
    if (audited) await recordAudit(tx, actor, "user.signal_autonomy_changed", subject.user, changesBetween(auditView(before), auditView(row), AUDITED_FIELDS));
    return { created, config: serialize(row) };
  });
}

/** Opts out; nothing to delete is fine (a client may call it unconditionally). */
export async function deleteSignalAutonomy(principal: Principal, subject: Subject, actor: AuditActor): Promise<void> {
  const userId = subject.user.id;
  await db().$transaction(async (tx) => {
    const before = await tx.signalAutonomyConfig.findUnique({ where: { userId }, include: WITH_USER });
    if (!before) return;
    await tx.signalAutonomyConfig.deleteMany({ where: { userId } });
    if (isAuditedAction(principal.user, subject.user)) {
      await recordAudit(tx, actor, "user.signal_autonomy_changed", subject.user, changesBetween(auditView(before), auditView(null), AUDITED_FIELDS));
    }
  });
}
