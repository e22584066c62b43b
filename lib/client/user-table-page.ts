/** The admin users table's page size; shared with the server, which prefetches its first page. */
export const USER_TABLE_PAGE_SIZE = 50;

/** What the admin users URL (`?search=&is_staff=&offset=`) says to show; the server's first paint reads the same. */
export interface UserTableView {
  search: string;
  isStaff: boolean | undefined;
  offset: number;
}

type QueryValue = string | string[] | undefined;
export type PageSearchParams = Record<string, QueryValue>;

function first(value: QueryValue | null): string | undefined {
  if (Array.isArray(value)) return value[0];
  return value ?? undefined;
}

/** A non-negative whole number, or 0 for anything else a hand-edited URL may hold. */
export function offsetParam(value: QueryValue | null): number {
  const parsed = Number(first(value));
  return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : 0;
}

export function userTableView(read: (name: string) => QueryValue | null): UserTableView {
  const staff = first(read("is_staff"));
  return {
    search: (first(read("search")) ?? "").trim(),
    isStaff: staff === "true" ? true : staff === "false" ? false : undefined,
    offset: offsetParam(read("offset")),
  };
}

/** The query string for a view; defaults are left out so a plain /admin/users stays plain. */
export function userTableQueryString(view: UserTableView): string {
  const params = new URLSearchParams();
  if (view.search) params.set("search", view.search);
  if (view.isStaff !== undefined) params.set("is_staff", String(view.isStaff));
  if (view.offset > 0) params.set("offset", String(view.offset));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function userListParamsFor(view: UserTableView) {
  return {
    limit: USER_TABLE_PAGE_SIZE,
    offset: view.offset,
    ...(view.search ? { search: view.search } : {}),
    ...(view.isStaff !== undefined ? { is_staff: view.isStaff } : {}),
  };
}
