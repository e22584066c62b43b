import "server-only";
import { db, rawQuery } from "@/lib/db/client";
import type { RawStatement } from "@/lib/db/connection";

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

/** A user's default dashboard for one scene (of any of their teams). */
export interface SceneChoice {
  scene: string;
  dashboard: number;
}

/** What the user serializer shows beside the user row. */
export interface AccountDetails {
  memberships: Membership[];
  scenes: SceneChoice[];
}

type JsonOrganization = Omit<OrganizationRow, "id" | "teams" | "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string };
interface MembershipJson extends JsonOrganization {
  organizationId: string;
  level: number;
  memberCount: number;
  teams: Array<Omit<TeamRow, "organizationId">>;
}

/** The `DETAILS_COLUMNS` of a row. */
export interface DetailsJson {
  memberships: MembershipJson[];
  scenes: SceneChoice[];
}

interface DetailsRow extends DetailsJson {
  userId: number;
}

/** An interactive transaction's client (outside one, the driver runs the statement directly). */
export type RawQueryClient = Pick<ReturnType<typeof db>, "$queryRawUnsafe">;

function run<T>(statement: RawStatement, client: RawQueryClient | undefined): Promise<T[]> {
  return client ? client.$queryRawUnsafe<T[]>(statement.text, ...statement.values) : rawQuery<T>(statement);
}

// Set-based: only users who have memberships or scene choices cost anything (the user list's page
// of a hundred mostly has neither). The counts use the (organizationId, userId) unique index.
/** `memberships` and `scenes`, one row per user that `userMatch` selects, for a statement's WITH list. */
export const detailsCtes = (userMatch: string) => `
    memberships AS (
      SELECT m."userId",
             json_agg(json_build_object(
               'organizationId', m."organizationId", 'level', m.level,
               'name', o.name, 'slug', o.slug, 'enforce2fa', o."enforce2fa",
               'membersCanUsePersonalApiKeys', o."membersCanUsePersonalApiKeys", 'isActive', o."isActive",
               'createdAt', o."createdAt", 'updatedAt', o."updatedAt",
               'memberCount', (SELECT count(*)::int FROM organization_memberships c WHERE c."organizationId" = m."organizationId"),
               'teams', COALESCE(
                 (SELECT json_agg(json_build_object(
                           'id', t.id, 'uuid', t.uuid, 'name', t.name, 'apiToken', t."apiToken", 'isDemo', t."isDemo", 'timezone', t.timezone
                         ) ORDER BY t.id)
                    FROM teams t WHERE t."organizationId" = m."organizationId"),
                 '[]'::json)
             ) ORDER BY m."createdAt", m.id) AS memberships
        FROM organization_memberships m
        JOIN organizations o ON o.id = m."organizationId"
       WHERE m."userId" ${userMatch}
       GROUP BY m."userId"
    ), scenes AS (
      SELECT s."userId", json_agg(json_build_object('scene', s.scene, 'dashboard', s."dashboardId") ORDER BY s.id) AS scenes
        FROM scene_personalisations s
       WHERE s."userId" ${userMatch}
       GROUP BY s."userId"
    )`;
/** What a statement with `detailsCtes` selects for a user, read back by `detailsFromRow`. */
export const DETAILS_COLUMNS = `COALESCE(memberships.memberships, '[]'::json) AS memberships, COALESCE(scenes.scenes, '[]'::json) AS scenes`;

const detailsSql = (userMatch: string) => `
    WITH ${detailsCtes(userMatch)}
    SELECT COALESCE(memberships."userId", scenes."userId") AS "userId", ${DETAILS_COLUMNS}
      FROM memberships FULL JOIN scenes ON scenes."userId" = memberships."userId"`;
// One user (a user retrieved alone) gets a scalar parameter: PostgreSQL then settles on one generic
// plan for the prepared statement, where an array parameter has it plan again on every execution
// (about 200 µs of its CPU per request, measured).
const ONE_USER_DETAILS_SQL = detailsSql("= $1::int");
const USERS_DETAILS_SQL = detailsSql("= ANY($1::int[])");

/** A user's `DETAILS_COLUMNS`, as the serializer reads them. */
export function detailsFromRow({ memberships, scenes }: DetailsJson): AccountDetails {
  return {
    scenes,
    memberships: memberships.map(({ organizationId, level, memberCount, teams, createdAt, updatedAt, ...organization }) => ({
      organizationId,
      level,
      memberCount,
      organization: {
        ...organization,
        id: organizationId,
        createdAt: new Date(createdAt),
        updatedAt: new Date(updatedAt),
        teams: teams.map((team) => ({ ...team, organizationId })),
      },
    })),
  };
}

/**
 * The memberships of several users, each in membership order, with their organizations, teams and
 * member counts, and their scene defaults, in one statement whatever the number of users or
 * memberships (the hot path's budget).
 */
export async function accountDetailsOfUsers(userIds: readonly number[], client?: RawQueryClient): Promise<Map<number, AccountDetails>> {
  const byUser = new Map<number, AccountDetails>(userIds.map((id) => [id, { memberships: [], scenes: [] }]));
  if (userIds.length === 0) return byUser;
  const statement = userIds.length === 1 ? { text: ONE_USER_DETAILS_SQL, values: [userIds[0]] } : { text: USERS_DETAILS_SQL, values: [[...userIds]] };
  const rows = await run<DetailsRow>(statement, client);
  for (const row of rows) byUser.set(row.userId, detailsFromRow(row));
  return byUser;
}

export async function accountDetailsOf(userId: number, client?: RawQueryClient): Promise<AccountDetails> {
  return (await accountDetailsOfUsers([userId], client)).get(userId) ?? { memberships: [], scenes: [] };
}

export async function membershipsOf(userId: number, client?: RawQueryClient): Promise<Membership[]> {
  return (await accountDetailsOf(userId, client)).memberships;
}
