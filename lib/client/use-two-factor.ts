"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { backupCodesSchema, setupStartSchema, twoFactorStatusSchema, validateResultSchema } from "@/lib/two-factor/schemas";
import { apiFetch, type ApiClientError } from "./api-client";
import { queryKeys } from "./query-keys";

export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;
export type TwoFactorSetup = z.infer<typeof setupStartSchema>;
export type TwoFactorEnabled = z.infer<typeof validateResultSchema>;
export type BackupCodes = z.infer<typeof backupCodesSchema>;

const BASE = "/api/users/@me";

export function useTwoFactorStatus() {
  return useQuery<TwoFactorStatus, ApiClientError>({
    queryKey: queryKeys.twoFactor.status(),
    queryFn: ({ signal }) => apiFetch<TwoFactorStatus>(`${BASE}/two_factor_status`, { signal }),
  });
}

/** Turning two-factor on or off signs out every other session and changes `is_2fa_enabled`. */
function invalidateAfterSwitch(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.twoFactor.all() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.users.me() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.sessions.all() }),
  ]);
}

/** A GET, but not a read: each call replaces the pending secret, so it runs only when asked. */
export function useStartTwoFactorSetup() {
  return useMutation<TwoFactorSetup, ApiClientError, void>({
    mutationFn: () => apiFetch<TwoFactorSetup>(`${BASE}/two_factor_start_setup`),
  });
}

export function useConfirmTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation<TwoFactorEnabled, ApiClientError, string>({
    mutationFn: (token) => apiFetch<TwoFactorEnabled>(`${BASE}/two_factor_validate`, { method: "POST", body: { token } }),
    onSuccess: () => invalidateAfterSwitch(queryClient),
  });
}

export function useRegenerateBackupCodes() {
  const queryClient = useQueryClient();
  return useMutation<BackupCodes, ApiClientError, void>({
    mutationFn: () => apiFetch<BackupCodes>(`${BASE}/two_factor_backup_codes`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.twoFactor.all() }),
  });
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation<{ success: true }, ApiClientError, string>({
    mutationFn: (token) => apiFetch<{ success: true }>(`${BASE}/two_factor_disable`, { method: "POST", body: { token } }),
    onSuccess: () => invalidateAfterSwitch(queryClient),
  });
}
