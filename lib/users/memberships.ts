import "server-only";
import { db } from "@/lib/db/client";

export interface TeamRow {
  id: number;
  uuid: string;
  organizationId: string;
  name: string;
  apiToken: string;
  isDemo: boolean;
  timezone: string;
}

export interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  enforce2fa: boolean | null;
  membersCanUsePersonalApiKeys: boolean;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** Ordered by id. */
  teams: TeamRow[];
}

/** One organization a user belongs to, as the user serializer shows it. */
export interface Membership {
  organizationId: string;
  level: number;
  /** Everyone in the organization, not only this user. */
  memberCount: number;
  organization: OrganizationRow;
}

interface MembershipRow extends Omit<OrganizationRow, "id" | "teams"> {
  userId: number;
  organizationId: string;
  level: number;
  memberCount: number;
  teams: Array<Omit<TeamRow, "organizationId">>;
}

/** The app's client or an interactive transaction's: both run raw queries. */
export type RawQueryClient = Pick<ReturnType<typeof db>, "$queryRaw">;

/**
 * The memberships of several users, each in membership order, with their organizations, teams and
 * member counts, in one statement whatever the number of users or memberships (the hot path's
 * budget). The counts use the (organizationId, userId) unique index.
 */
export async function membershipsOfUsers(userIds: readonly number[], client: RawQueryClient = db()): Promise<Map<number, Membership[]>> {
  const byUser = new Map<number, Membership[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await client.$queryRaw<MembershipRow[]>`
    SELECT m."userId", m."organizationId", m.level,
           o.name, o.slug, o."enforce2fa", o."membersCanUsePersonalApiKeys", o."isActive", o."createdAt", o."updatedAt",
           (SELECT count(*)::int FROM organization_memberships c WHERE c."organizationId" = m."organizationId") AS "memberCount",
           COALESCE(
             (SELECT json_agg(json_build_object(
                       'id', t.id, 'uuid', t.uuid, 'name', t.name, 'apiToken', t."apiToken", 'isDemo', t."isDemo", 'timezone', t.timezone
                     ) ORDER BY t.id)
                FROM teams t WHERE t."organizationId" = m."organizationId"),
             '[]'::json) AS teams
      FROM organization_memberships m
      JOIN organizations o ON o.id = m."organizationId"
     WHERE m."userId" = ANY(${[...userIds]}::int[])
     ORDER BY m."userId", m."createdAt", m.id`;
  for (const { userId, organizationId, level, memberCount, teams, ...organization } of rows) {
    byUser.get(userId)?.push({
      organizationId,
      level,
      memberCount,
      organization: { ...organization, id: organizationId, teams: teams.map((team) => ({ ...team, organizationId })) },
    });
  }
  return byUser;
}

export async function membershipsOf(userId: number, client: RawQueryClient = db()): Promise<Membership[]> {
  return (await membershipsOfUsers([userId], client)).get(userId) ?? [];
}
