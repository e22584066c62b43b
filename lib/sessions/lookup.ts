import "server-only";
import { rawQuery } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { AccountRow, SessionFacts } from "@/lib/auth/principal";
import { DETAILS_COLUMNS, detailsCtes, detailsFromRow, type AccountDetails, type DetailsJson } from "@/lib/users/memberships";

export interface LiveSession {
  user: AccountRow;
  session: SessionFacts;
  /** The user's current organization, if they belong to it, has `enforce2fa` on. */
  currentOrganizationEnforces2fa: boolean;
  /** The user's memberships and scene choices, when asked for (`withDetails`). */
  details: AccountDetails | null;
}

type Row = AccountRow & Partial<DetailsJson> & {
  twoFactorEnabled: boolean;
  sessionAuthenticatedAt: Date;
  sessionDevice: string;
  sessionIp: string | null;
  currentOrganizationEnforces2fa: boolean;
};

// Last-seen is written at most this often, so a busy session costs no write per request.
const TOUCH_EVERY_SECONDS = 60;

function sessionSql(withDetails: boolean): string {
  const details = withDetails
    ? {
        ctes: `, ${detailsCtes('= (SELECT "userId" FROM live)')}`,
        columns: `, ${DETAILS_COLUMNS}`,
        joins: 'LEFT JOIN memberships ON memberships."userId" = u.id LEFT JOIN scenes ON scenes."userId" = u.id',
      }
    : { ctes: "", columns: "", joins: "" };
  return `
    WITH live AS (
      SELECT s.id, s."userId", s."authenticatedAt", s."deviceLabel", s.ip FROM sessions s
      WHERE s.id = $1::uuid AND s."revokedAt" IS NULL AND s."lastSeenAt" > $3 AND s."createdAt" > $4
    ), touched AS (
      UPDATE sessions t SET "lastSeenAt" = $5
      FROM live WHERE t.id = live.id AND t."lastSeenAt" < $6
    )${details.ctes}
    SELECT u.*, live."authenticatedAt" AS "sessionAuthenticatedAt", live."deviceLabel" AS "sessionDevice", live.ip AS "sessionIp",
      EXISTS (SELECT 1 FROM totp_devices d WHERE d."userId" = u.id) AS "twoFactorEnabled",
      EXISTS (
        SELECT 1 FROM organization_memberships m JOIN organizations o ON o.id = m."organizationId"
        WHERE m."userId" = u.id AND m."organizationId" = u."currentOrganizationId" AND o."enforce2fa" IS TRUE
      ) AS "currentOrganizationEnforces2fa"${details.columns}
    FROM live JOIN users u ON u.id = live."userId" ${details.joins}
    WHERE u.uuid = $2::uuid AND u."isActive"`;
}
const SESSION_SQL = sessionSql(false);
const SESSION_WITH_DETAILS_SQL = sessionSql(true);

/**
 * The per-request check, in one statement: the session row (live: not revoked, active within
 * the idle timeout, younger than the absolute lifetime) joined with its active user, and
 * last-seen moved forward when it is a minute old, and whether the current organization enforces
 * two-factor (a column here, not a statement more: the hot path's budget). `withDetails` adds the
 * user's memberships and scene choices, for a request that shows them (GET @me in one statement).
 * Null when the session cannot authenticate.
 */
export async function findLiveSession(sessionId: string, userUuid: string, { withDetails = false } = {}): Promise<LiveSession | null> {
  const now = Date.now();
  const idleSince = new Date(now - env.sessionMaxAge * 1000);
  const createdSince = new Date(now - env.sessionAbsoluteMaxAge * 1000);
  const touchBefore = new Date(now - TOUCH_EVERY_SECONDS * 1000);
  const rows = await rawQuery<Row>({
    text: withDetails ? SESSION_WITH_DETAILS_SQL : SESSION_SQL,
    values: [sessionId, userUuid, idleSince, createdSince, new Date(now), touchBefore],
  });
  const row = rows[0];
  if (!row) return null;
  const { sessionAuthenticatedAt, sessionDevice, sessionIp, currentOrganizationEnforces2fa, memberships, scenes, ...user } = row;
  return {
    user,
    session: { id: sessionId, authenticatedAt: sessionAuthenticatedAt, device: sessionDevice, ip: sessionIp },
    currentOrganizationEnforces2fa,
    details: memberships && scenes ? detailsFromRow({ memberships, scenes }) : null,
  };
}
