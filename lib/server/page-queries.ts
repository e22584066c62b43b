import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { queryKeys, type AuditLogParams, type UserListParams } from "@/lib/client/query-keys";
import { auditLogPath } from "@/lib/client/audit-log";
import { listAuditLog } from "@/lib/admin/audit-log";
import { auditLogQuerySchema, type AuditEntryDto } from "@/lib/admin/audit-schemas";
import { paginated, type Paginated } from "@/lib/api/pagination";
import { publicOrigin } from "@/lib/api/public-url";
import { userListSearch } from "@/lib/client/user-list-search";
import { userListQuerySchema } from "@/lib/users/schemas";
import { getUser, listUsers } from "@/lib/users/service";
import { selfSubject } from "@/lib/users/subject";
import type { UserDto, UserPage } from "@/lib/users/user-schema";
import type { StoredHedgehogConfig } from "@/lib/hedgehog/look";

/** A query a page can fill on the server: the client hook's key, and the API route's own service call. */
export interface PageQuery<T = unknown> {
  queryKey: readonly unknown[];
  queryFn: () => Promise<T>;
}

/**
 * The first page of one of the caller's lists, as its hook asks for it (`path?limit=`), with the
 * API's own next/previous links on the configured origin.
 */
export function firstPageQuery<T>(
  queryKey: readonly unknown[],
  path: string,
  limit: number,
  list: (page: { limit: number; offset: number }) => Promise<{ count: number; results: T[] }>,
): PageQuery<Paginated<T>> {
  return {
    queryKey,
    queryFn: async () => {
      const page = { limit, offset: 0 };
      const { count, results } = await list(page);
      return paginated(new URL(`${path}?limit=${limit}`, publicOrigin()), page, count, results);
    },
  };
}

/** `GET /api/users/@me` for the page's principal (already loaded by the layout: no second user read). */
export function meQuery(principal: Principal): PageQuery<UserDto> {
  return {
    queryKey: queryKeys.users.me(),
    queryFn: () => getUser(principal, selfSubject(principal)),
  };
}

/**
 * `GET /api/users/@me/hedgehog_config/` for the page's principal: the stored config, `{}` when unset.
 * Read through the user, which carries the same stored object.
 */
export function hedgehogConfigQuery(principal: Principal): PageQuery<StoredHedgehogConfig> {
  return {
    queryKey: queryKeys.users.hedgehogConfig(),
    queryFn: async () => (await getUser(principal, selfSubject(principal))).hedgehog_config ?? {},
  };
}

/** The URL the browser would have asked, on the configured origin, so the page's next/previous links are the API's. */
function listRequestUrl(params: UserListParams): URL {
  const url = new URL("/api/users", publicOrigin());
  url.search = userListSearch(params).toString();
  return url;
}

/** `GET /api/users` as `useUserList(params)` asks for it. */
export function userListQuery(principal: Principal, params: UserListParams): PageQuery<UserPage> {
  return {
    queryKey: queryKeys.users.list(params),
    queryFn: async () => {
      const url = listRequestUrl(params);
      const query = userListQuerySchema.parse(Object.fromEntries(url.searchParams));
      return listUsers(principal, query, url);
    },
  };
}

/** `GET /api/admin/audit_log/` as `useAuditLog(params)` asks for it (a bad filter is left to the client, which shows the 400). */
export function auditLogQuery(params: AuditLogParams): PageQuery<Paginated<AuditEntryDto>> {
  return {
    queryKey: queryKeys.auditLog.list(params),
    queryFn: async () => {
      const url = new URL(auditLogPath(params), publicOrigin());
      return listAuditLog(auditLogQuerySchema.parse(Object.fromEntries(url.searchParams)), url);
    },
  };
}
