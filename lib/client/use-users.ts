"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { UserPage } from "@/lib/users/user-schema";
import { apiFetch, type ApiClientError } from "./api-client";
import { queryKeys, type UserListParams } from "./query-keys";

function listPath(params: UserListParams): string {
  const search = new URLSearchParams({ limit: String(params.limit), offset: String(params.offset) });
  if (params.email) search.set("email", params.email);
  if (params.is_staff !== undefined) search.set("is_staff", String(params.is_staff));
  return `/api/users?${search.toString()}`;
}

export function useUserList(params: UserListParams) {
  return useQuery<UserPage, ApiClientError>({
    queryKey: queryKeys.users.list(params),
    queryFn: ({ signal }) => apiFetch<UserPage>(listPath(params), { signal }),
    // Keeps the current page on screen while the next one loads, so the table doesn't jump.
    placeholderData: keepPreviousData,
  });
}
