import "server-only";
import { db } from "@/lib/db/client";
import type { AccountRow } from "@/lib/auth/principal";
import { hashKeyValue } from "./secret";

export interface LiveKey {
  user: AccountRow;
  apiKeyId: string;
  scopes: string[];
  currentOrganizationEnforces2fa: boolean;
}

type Row = AccountRow & { twoFactorEnabled: boolean; apiKeyId: string; apiKeyScopes: string[]; currentOrganizationEnforces2fa: boolean };

// Last-used is written at most this often, so a busy key costs no write per request.
export const KEY_TOUCH_EVERY_SECONDS = 60;

/**
 * The per-request check for a bearer key, in one statement (as `findLiveSession` does for
 * cookies): the key found by its HMAC, joined with its active user, last-used moved forward when
 * it is a minute old or unset, and the user's two-factor standing. Null when it cannot authenticate.
 */
export async function findLiveKey(value: string): Promise<LiveKey | null> {
  const now = Date.now();
  const touchBefore = new Date(now - KEY_TOUCH_EVERY_SECONDS * 1000);
  const rows = await db().$queryRaw<Row[]>`
    WITH key AS (
      SELECT k.id, k."userId", k.scopes FROM personal_api_keys k WHERE k."keyHash" = ${hashKeyValue(value)}
    ), touched AS (
      UPDATE personal_api_keys t SET "lastUsedAt" = ${new Date(now)}
      FROM key WHERE t.id = key.id AND (t."lastUsedAt" IS NULL OR t."lastUsedAt" < ${touchBefore})
    )
    SELECT u.*, key.id::text AS "apiKeyId", key.scopes AS "apiKeyScopes",
      EXISTS (SELECT 1 FROM totp_devices d WHERE d."userId" = u.id) AS "twoFactorEnabled",
      EXISTS (
        SELECT 1 FROM organization_memberships m JOIN organizations o ON o.id = m."organizationId"
        WHERE m."userId" = u.id AND m."organizationId" = u."currentOrganizationId" AND o."enforce2fa" IS TRUE
      ) AS "currentOrganizationEnforces2fa"
    FROM key JOIN users u ON u.id = key."userId"
    WHERE u."isActive"`;
  const row = rows[0];
  if (!row) return null;
  const { apiKeyId, apiKeyScopes, currentOrganizationEnforces2fa, ...user } = row;
  return { user, apiKeyId, scopes: apiKeyScopes, currentOrganizationEnforces2fa };
}
