import type { UserListParams } from "./query-keys";

/** `GET /api/users`'s query string for these params; the browser and the server's prefetch ask the same. */
export function userListSearch(params: UserListParams): URLSearchParams {
  const search = new URLSearchParams({ limit: String(params.limit), offset: String(params.offset) });
  if (params.email) search.set("email", params.email);
  if (params.search) search.set("search", params.search);
  if (params.is_staff !== undefined) search.set("is_staff", String(params.is_staff));
  return search;
}
