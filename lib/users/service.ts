import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { errors } from "@/lib/api/errors";
import { paginated, type Paginated } from "@/lib/api/pagination";
import type { Principal } from "@/lib/auth/principal";
import { sensitiveSessionExpiresAt } from "@/lib/auth/session-policy";
import { renewSession, revokeOtherSessions } from "@/lib/sessions/service";
import { planEmailChange } from "@/lib/email-change/service";
import { mergeNotificationOverrides } from "./notification-settings";
import { recordActivity } from "@/lib/activity/record";
import { applyPassword, notifyPasswordChanged, preparePasswordChange } from "./password-change";
import { enforce, isAuditedAction, mayChangeStaffFlag, mayListEveryone, mayRemoveStaffUser } from "./permissions";
import type { UserListQuery, UserPatch } from "./schemas";
import { userPage } from "./user-page";
import { accountDetailsOf, accountDetailsOfUsers, type AccountDetails, type Membership } from "./memberships";
import { mergedHedgehogConfig } from "./hedgehog-config";
import { lockUserRow } from "./locked-row";
import { changesBetween, recordAudit, type AuditActor } from "@/lib/admin/audit-log";
import { countPasskeys } from "@/lib/passkeys/service";
import { serializeUser } from "./serializer";
import type { Subject } from "./subject";
import type { UserDto } from "./user-schema";

type Client = ReturnType<typeof db>;
type Transaction = Parameters<Parameters<Client["$transaction"]>[0]>[0];

function sessionFacts(principal: Principal, subject: Pick<Subject, "isSelf">) {
  return subject.isSelf ? { sensitiveSessionExpiresAt: sensitiveSessionExpiresAt(principal) } : null;
}

export async function getUser(principal: Principal, subject: Subject): Promise<UserDto> {
  const details = subject.details ?? (await accountDetailsOf(subject.user.id));
  return serializeUser({ ...subject, ...details, session: sessionFacts(principal, subject) });
}

export async function listUsers(
  principal: Principal,
  query: UserListQuery,
  requestUrl: URL,
): Promise<Paginated<UserDto>> {
  const onlyUserId = mayListEveryone(principal.user) ? undefined : principal.user.id;
  const { count, rows } = await userPage({ ...query, onlyUserId });
  const detailsByUser = await accountDetailsOfUsers(rows.map((row) => row.user.id));
  const results = rows.map((account) => {
    const details = detailsByUser.get(account.user.id) ?? { memberships: [], scenes: [] };
    return serializeUser({ ...account, ...details, session: sessionFacts(principal, { isSelf: account.user.id === principal.user.id }) });
  });
  return paginated(requestUrl, query, count, results);
}

function resolveCurrentContext(
  memberships: Membership[],
  patch: UserPatch,
): Pick<Prisma.UserUncheckedUpdateInput, "currentOrganizationId" | "currentTeamId"> {
  const notFound = (attr: string, what: string) => errors.invalidField(attr, "does_not_exist", `${what} does not exist.`);
  let organization: Membership["organization"] | undefined;
  if (patch.set_current_organization !== undefined) {
    organization = memberships.find((m) => m.organizationId === patch.set_current_organization)?.organization;
    if (!organization) throw notFound("set_current_organization", "Organization");
  }
  if (patch.set_current_team !== undefined) {
    const teamId = patch.set_current_team;
    const owner = memberships.find((m) => m.organization.teams.some((team) => team.id === teamId))?.organization;
    if (!owner) throw notFound("set_current_team", "Team");
    if (organization && owner.id !== organization.id) {
      throw errors.invalidField("set_current_team", "invalid_input", "This team does not belong to the chosen organization.");
    }
    return { currentOrganizationId: owner.id, currentTeamId: teamId };
  }
  if (organization) {
    return { currentOrganizationId: organization.id, currentTeamId: organization.teams[0]?.id ?? null };
  }
  return {};
}

/** Locks the active staff rows, so two staff demoting each other at once cannot both succeed. */
async function assertNotLastStaff(tx: Transaction, userId: number, action: "demote" | "delete"): Promise<void> {
  const staff = await tx.$queryRaw<Array<{ id: number }>>`
    SELECT id FROM users WHERE "isStaff" AND "isActive" ORDER BY id FOR UPDATE`;
  enforce(mayRemoveStaffUser(staff.filter((row) => row.id !== userId).length, action));
}

/** The plain columns a patch sets; undefined ones are left alone. */
function fieldChanges(patch: UserPatch): Prisma.UserUncheckedUpdateInput {
  return {
    firstName: patch.first_name,
    lastName: patch.last_name,
    anonymizeData: patch.anonymize_data,
    allowImpersonation: patch.allow_impersonation,
    toolbarMode: patch.toolbar_mode,
    themeMode: patch.theme_mode,
    shortcutPosition: patch.shortcut_position,
    roleAtOrganization: patch.role_at_organization,
    allowSidebarSuggestions: patch.allow_sidebar_suggestions,
    passkeysEnabledFor2fa: patch.passkeys_enabled_for_2fa,
    hideMcpHints: patch.hide_mcp_hints,
    eventsColumnConfig: patch.events_column_config === null ? { active: "DEFAULT" } : (patch.events_column_config as Prisma.InputJsonValue | undefined),
    hasSeenProductIntroFor: jsonOrDbNull(patch.has_seen_product_intro_for),
    // A config is merged into the stored one under the row lock; null clears it.
    hedgehogConfig: patch.hedgehog_config === null ? Prisma.DbNull : undefined,
  };
}

/** One UPDATE … RETURNING; a row deleted since authentication is a 404, not a 500. */
async function writeUser(client: Client | Transaction, userId: number, data: Prisma.UserUncheckedUpdateInput) {
  try {
    return await client.user.update({ where: { id: userId }, data, omit: { passwordHash: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw errors.notFound();
    throw error;
  }
}

/** Validates the whole patch first, then writes it in one statement or one transaction: nothing is half-applied. */
export interface UserUpdate {
  user: UserDto;
  /** Set when the change renewed the caller's session (a new password): the cookie must name it. */
  renewedSession: { id: string; createdAt: Date } | null;
}

/** Written-only fields, and the switch of current organization/team, which shows as `organization`/`team`. */
const UNAUDITED_FIELDS = new Set(["password", "current_password", "set_current_organization", "set_current_team"]);

function auditedChanges(patch: UserPatch, before: UserDto, after: UserDto) {
  const fields = Object.keys(patch).filter((field) => !UNAUDITED_FIELDS.has(field));
  const changes = changesBetween(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, fields);
  return {
    ...changes,
    ...changesBetween({ organization: before.organization?.id, team: before.team?.id }, { organization: after.organization?.id, team: after.team?.id }, ["organization", "team"]),
  };
}

export async function updateUser(principal: Principal, subject: Subject, patch: UserPatch, actor?: AuditActor): Promise<UserUpdate> {
  const newPassword = await preparePasswordChange(principal, subject, patch);
  if (patch.is_staff !== undefined) enforce(mayChangeStaffFlag(principal.user));
  const emailChange = await planEmailChange(principal, subject, patch);

  const user = subject.user;
  const changesStaff = patch.is_staff !== undefined && patch.is_staff !== user.isStaff;
  const mergesHedgehog = patch.hedgehog_config !== undefined && patch.hedgehog_config !== null;
  // Under the row lock that removing a passkey takes too, so the last one cannot go meanwhile.
  const enablesPasskeys = patch.passkeys_enabled_for_2fa === true;
  const needsStoredRow = patch.notification_settings !== undefined || mergesHedgehog || changesStaff || enablesPasskeys;
  const changesContext = patch.set_current_organization !== undefined || patch.set_current_team !== undefined;
  const fields = { ...fieldChanges(patch), ...emailChange?.data };
  const respond = (updated: Awaited<ReturnType<typeof writeUser>>, details: AccountDetails) =>
    serializeUser({ ...subject, ...details, hasPassword: subject.hasPassword || newPassword !== null, user: updated, session: sessionFacts(principal, subject) });
  // Staff writing to another account: the audit entry goes in the write's own transaction.
  const audit = actor && isAuditedAction(actor.user, user) ? actor : null;

  if (!needsStoredRow && !changesContext && !newPassword && !audit && !emailChange?.activity) {
    // Nothing read decides what is written: the UPDATE's own row lock serialises concurrent
    // writers, and the memberships shown do not depend on it, so they are read alongside (or
    // already were, with the session check).
    const [updated, details] = await Promise.all([writeUser(db(), user.id, fields), subject.details ?? accountDetailsOf(user.id)]);
    await emailChange?.afterWrite();
    return { user: respond(updated, details), renewedSession: null };
  }

  const { updated, details, revokedSessions, renewedSession } = await db().$transaction(async (tx) => {
    // Staff rows first, in id order, as every demotion locks them: locking this row before them
    // would deadlock two staff demoting each other at once.
    if (changesStaff && !patch.is_staff) await assertNotLastStaff(tx, user.id, "demote");
    const stored = needsStoredRow ? await lockUserRow(tx, user.id) : null;
    if (enablesPasskeys && (await countPasskeys(user.id, tx)) === 0) {
      throw errors.invalidField("passkeys_enabled_for_2fa", "no_passkeys", "Register a passkey before using passkeys for two-factor authentication.");
    }
    const details = await accountDetailsOf(user.id, tx);
    const data: Prisma.UserUncheckedUpdateInput = { ...fields, ...resolveCurrentContext(details.memberships, patch) };
    if (patch.notification_settings !== undefined) {
      data.notificationSettings = mergeNotificationOverrides(stored?.notificationSettings, patch.notification_settings);
    }
    if (mergesHedgehog && patch.hedgehog_config) {
      data.hedgehogConfig = mergedHedgehogConfig(stored?.hedgehogConfig, patch.hedgehog_config, "hedgehog_config");
    }
    if (changesStaff) {
      data.isStaff = patch.is_staff;
      // A changed privilege ends the user's other sessions; they sign in again with the new one.
      await revokeOtherSessions(user.id, subject.isSelf ? (principal.session?.id ?? null) : null, tx);
    }
    // The password goes last: it ends the other sessions, and with them those of a changed staff flag.
    // This session goes on under a new id (OWASP: renew the session id on a privilege change).
    const renewedSession = newPassword && principal.session ? await renewSession(principal.session.id, tx) : null;
    const revokedSessions = newPassword ? await applyPassword(tx, user.id, newPassword, renewedSession?.id ?? null) : 0;
    const updated = await writeUser(tx, user.id, data);
    if (emailChange?.activity) await recordActivity(tx, user.id, emailChange.activity.kind, emailChange.activity.details);
    if (audit) {
      const changes = auditedChanges(patch, respond(user, details), respond(updated, details));
      if (Object.keys(changes).length > 0) {
        const onlyStaff = Object.keys(changes).every((field) => field === "is_staff");
        await recordAudit(tx, audit, onlyStaff ? "user.staff_changed" : "user.updated", user, changes);
      }
    }
    return { updated, details, revokedSessions, renewedSession };
  });
  if (newPassword) await notifyPasswordChanged(user, sessionOrigin(principal), revokedSessions);
  await emailChange?.afterWrite();
  return { user: respond(updated, details), renewedSession };
}

function sessionOrigin(principal: Principal) {
  return { when: new Date(), device: principal.session?.device, ip: principal.session?.ip };
}

function jsonOrDbNull(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull | undefined {
  if (value === undefined) return undefined;
  return value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

/**
 * Hard delete: memberships and every per-user row cascade with the user, and organizations the
 * user was the only member of go too, so nothing of theirs is left behind.
 */
export async function deleteUser(subject: Subject, actor?: AuditActor): Promise<void> {
  await db().$transaction(async (tx) => {
    if (subject.user.isStaff) await assertNotLastStaff(tx, subject.user.id, "delete");
    if (actor && isAuditedAction(actor.user, subject.user)) await recordAudit(tx, actor, "user.deleted", subject.user);
    const soleMemberOf = await tx.organization.findMany({
      where: { memberships: { some: { userId: subject.user.id }, every: { userId: subject.user.id } } },
      select: { id: true },
    });
    await tx.user.delete({ where: { id: subject.user.id } });
    await tx.organization.deleteMany({ where: { id: { in: soleMemberOf.map((organization) => organization.id) } } });
  });
}
