"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UserDto, UserPage } from "@/lib/users/user-schema";
import { apiFetch, type ApiClientError } from "./api-client";
import { queryKeys, type UserListParams } from "./query-keys";
import { userListSearch } from "./user-list-search";

export function useUserList(params: UserListParams) {
  return useQuery<UserPage, ApiClientError>({
    queryKey: queryKeys.users.list(params),
    queryFn: ({ signal }) => apiFetch<UserPage>(`/api/users?${userListSearch(params).toString()}`, { signal }),
    // Keeps the current page on screen while the next one loads, so the table doesn't jump.
    placeholderData: keepPreviousData,
  });
}

/** How many staff accounts exist, so the last one's "Revoke staff" can say up front why it can't. */
export function useStaffCount() {
  return useQuery<number, ApiClientError>({
    queryKey: queryKeys.users.staffCount(),
    queryFn: async ({ signal }) => (await apiFetch<UserPage>("/api/users?is_staff=true&limit=1", { signal })).count,
  });
}

function userPath(uuid: string): string {
  return `/api/users/${encodeURIComponent(uuid)}/`;
}

export function useSetStaff(uuid: string) {
  const queryClient = useQueryClient();
  return useMutation<UserDto, ApiClientError, boolean>({
    mutationFn: (isStaff) => apiFetch<UserDto>(userPath(uuid), { method: "PATCH", body: { is_staff: isStaff } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.lists() }),
  });
}

export function useDeleteUser(uuid: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiClientError, void>({
    mutationFn: () => apiFetch<void>(userPath(uuid), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.lists() }),
  });
}

export function useRequestCredentialReview(uuid: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiClientError, void>({
    mutationFn: () => apiFetch<void>(`/api/admin/users/${encodeURIComponent(uuid)}/request_credential_review/`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.auditLog.all() }),
  });
}

export function useRequestEveryoneCredentialReview() {
  const queryClient = useQueryClient();
  return useMutation<{ requested: number }, ApiClientError, void>({
    mutationFn: () => apiFetch<{ requested: number }>("/api/admin/request_credential_review/", { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.auditLog.all() }),
  });
}
