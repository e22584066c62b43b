import "server-only";
import { headers } from "next/headers";
import type { Principal } from "@/lib/auth/principal";
import { queryKeys, type UserListParams } from "@/lib/client/query-keys";
import { env } from "@/lib/env";
import { userListQuerySchema } from "@/lib/users/schemas";
import { getUser, listUsers } from "@/lib/users/service";
import type { UserDto, UserPage } from "@/lib/users/user-schema";

/** A query a page can fill on the server: the client hook's key, and the API route's own service call. */
export interface PageQuery<T = unknown> {
  queryKey: readonly unknown[];
  queryFn: () => Promise<T>;
}

/** `GET /api/users/@me` for the page's principal (already loaded by the layout: no second user read). */
export function meQuery(principal: Principal): PageQuery<UserDto> {
  return {
    queryKey: queryKeys.users.me(),
    queryFn: () => getUser(principal, { user: principal.user, hasPassword: principal.hasPassword, isSelf: true }),
  };
}

/**
 * The URL the browser would have asked (the route sees the Host header over plain HTTP), so the
 * page's next/previous links are the API's.
 */
async function listRequestUrl(params: UserListParams): Promise<URL> {
  const host = (await headers()).get("host") ?? `localhost:${env.port}`;
  const url = new URL(`http://${host}/api/users`);
  url.search = new URLSearchParams({ limit: String(params.limit), offset: String(params.offset) }).toString();
  return url;
}

/** `GET /api/users` as `useUserList(params)` asks for it. */
export function userListQuery(principal: Principal, params: UserListParams): PageQuery<UserPage> {
  return {
    queryKey: queryKeys.users.list(params),
    queryFn: async () => {
      const url = await listRequestUrl(params);
      const query = userListQuerySchema.parse(Object.fromEntries(url.searchParams));
      return listUsers(principal, query, url);
    },
  };
}
