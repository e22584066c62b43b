"use client";

import { useMutation } from "@tanstack/react-query";
import type { PasswordResetCompleteInput, PasswordResetRequested, PasswordResetRequestInput } from "@/lib/users/password-reset-schemas";
import { apiFetch, type ApiClientError } from "./api-client";

export function useRequestPasswordReset() {
  return useMutation<PasswordResetRequested, ApiClientError, PasswordResetRequestInput>({
    mutationFn: (input) => apiFetch<PasswordResetRequested>("/api/reset", { method: "POST", body: input }),
  });
}

export function useCompletePasswordReset(token: string) {
  return useMutation<void, ApiClientError, PasswordResetCompleteInput>({
    mutationFn: (input) => apiFetch<void>(`/api/reset/${encodeURIComponent(token)}`, { method: "POST", body: input }),
  });
}

/** How a 429 from the reset routes reads. */
export function resetThrottledMessage(retryAfterSeconds: number | null): string {
  const minutes = retryAfterSeconds ? Math.ceil(retryAfterSeconds / 60) : null;
  const wait = minutes === null ? "later" : minutes >= 120 ? `in about ${Math.round(minutes / 60)} hours` : `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  return `Too many reset requests. Try again ${wait}.`;
}
