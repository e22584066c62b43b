"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { UserDto } from "@/lib/users/user-schema";
import { apiFetch, type ApiClientError } from "./api-client";
import { queryKeys } from "./query-keys";

type Success = { success: true };

/** A new verification link for the user (their pending address, or their unverified one). */
export function useResendVerification() {
  return useMutation<Success, ApiClientError, { uuid: string }>({
    mutationFn: (body) => apiFetch<Success>("/api/users/request_email_verification", { method: "POST", body }),
  });
}

/** Drops the pending change; the answer becomes the cached user. */
export function useCancelEmailChange() {
  const queryClient = useQueryClient();
  return useMutation<UserDto, ApiClientError, void>({
    mutationFn: () => apiFetch<UserDto>("/api/users/cancel_email_change_request", { method: "PATCH" }),
    onSuccess: (user) => queryClient.setQueryData(queryKeys.users.me(), user),
  });
}

/** The mailed link's check; it never signs anyone in, so whoever is signed in just sees fresh data. */
export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation<Success, ApiClientError, { uuid: string; token: string }>({
    mutationFn: (body) => apiFetch<Success>("/api/users/verify_email", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
  });
}
