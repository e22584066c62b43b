import "server-only";
import { rawQuery } from "@/lib/db/client";
import type { Account } from "@/lib/auth/principal";
import { SERIALIZED_USER_COLUMNS, type SerializedUser } from "./serializer";
import type { UserListQuery } from "./schemas";

export type UserPageQuery = Pick<UserListQuery, "email" | "search" | "is_staff" | "offset" | "limit"> & {
  /** Only this user (a caller who may not list everyone); otherwise every active user. */
  onlyUserId?: number;
};

/** Escapes LIKE's own wildcards, so the searched text matches only itself. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, "\\$&")}%`;
}

/**
 * The whole list's count, read from the trigger-kept `user_counts` row when no email condition
 * narrows it (the list as staff usually see it); otherwise counted through an index.
 */
function countExpression(query: UserPageQuery, where: string): string {
  const narrowed = query.onlyUserId !== undefined || query.email !== undefined || query.search !== undefined;
  if (narrowed) return `(SELECT count(*)::int FROM users WHERE ${where})`;
  if (query.is_staff === true) return `(SELECT "activeStaff" FROM user_counts)`;
  if (query.is_staff === false) return `(SELECT "active" - "activeStaff" FROM user_counts)`;
  return `(SELECT "active" FROM user_counts)`;
}

/** One listed user: an `Account` with only the columns the representation shows. */
export type ListedUser = Omit<Account, "user"> & { user: SerializedUser };

/** `id` is null on the one row of an empty page (it carries only the count). */
type PageRow = SerializedUser & { total: number; hasPassword: boolean; twoFactorEnabled: boolean };

// Only what is shown: each column more is parsed a hundred times per page (timestamps most of all).
const LISTED_COLUMNS = SERIALIZED_USER_COLUMNS.map((column) => `u."${column}"`).join(", ");

/**
 * One statement: the count and one page of users in id order, with whether each has two-factor
 * on. The page's ids come from an index-only scan of (isActive, id) or (isStaff, id), so a deep
 * offset skips index entries, not table rows, and only the page's own rows are read.
 */
export async function userPage(query: UserPageQuery): Promise<{ count: number; rows: ListedUser[] }> {
  const values: unknown[] = [];
  const parameter = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const conditions = ['"isActive"'];
  if (query.onlyUserId !== undefined) conditions.push(`id = ${parameter(query.onlyUserId)}`);
  if (query.email !== undefined) conditions.push(`email = ${parameter(query.email)}`);
  if (query.search !== undefined) conditions.push(`email LIKE ${parameter(likePrefix(query.search))}`);
  if (query.is_staff !== undefined) conditions.push(`"isStaff" = ${parameter(query.is_staff)}`);
  const where = conditions.join(" AND ");
  // The count's row is joined to the page's, so an empty page still answers the count.
  const text = `
    WITH page AS (SELECT id FROM users WHERE ${where} ORDER BY id OFFSET ${parameter(query.offset)} LIMIT ${parameter(query.limit)})
    SELECT counted.total, ${LISTED_COLUMNS}, u."passwordHash" IS NOT NULL AS "hasPassword",
           EXISTS (SELECT 1 FROM totp_devices d WHERE d."userId" = u.id) AS "twoFactorEnabled"
      FROM (SELECT ${countExpression(query, where)} AS total) counted
      LEFT JOIN (page JOIN users u ON u.id = page.id) ON true
     ORDER BY u.id`;
  const found = await rawQuery<PageRow>({ text, values });
  const count = found[0]?.total ?? 0;
  const rows = found.flatMap(({ total: _total, hasPassword, twoFactorEnabled, ...user }) =>
    (user.id as number | null) === null ? [] : [{ user, hasPassword, twoFactorEnabled }],
  );
  return { count, rows };
}
