"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Paginated } from "@/lib/api/pagination";
import { apiFetch, type ApiClientError } from "./api-client";
import { queryKeys } from "./query-keys";

/** The personal API key API's contract (built on its own branch): management is session only. */
export const API_KEYS_PATH = "/api/personal_api_keys";

export type ApiKeyScope = "user:read" | "user:write" | "*";

export interface PersonalApiKey {
  id: string;
  label: string;
  scopes: string[];
  mask_value: string;
  created_at: string;
  last_used_at: string | null;
  last_rolled_at: string | null;
}

/** Create and roll answer with the value, shown once. */
export type RevealedApiKey = PersonalApiKey & { value: string };

export interface CreateApiKeyInput {
  label: string;
  scopes: ApiKeyScope[];
}

/** The choices the create form offers, in its order. */
export const SCOPE_CHOICES: readonly { scope: ApiKeyScope; label: string; help: string }[] = [
  { scope: "user:read", label: "Read your account", help: "user:read — read your profile and settings." },
  { scope: "user:write", label: "Change your account", help: "user:write — change your profile and settings." },
  { scope: "*", label: "All", help: "* — every scope, including ones added later." },
];

/** "Full access", or the scopes themselves. */
export function scopeSummary(scopes: readonly string[]): string {
  if (scopes.includes("*")) return "Full access";
  if (scopes.length === 0) return "No scopes";
  return scopes.join(", ");
}

const keyPath = (id: string) => `${API_KEYS_PATH}/${encodeURIComponent(id)}`;

export function useApiKeys() {
  return useQuery<Paginated<PersonalApiKey>, ApiClientError>({
    queryKey: queryKeys.apiKeys.list(),
    queryFn: ({ signal }) => apiFetch<Paginated<PersonalApiKey>>(API_KEYS_PATH, { signal }),
    retry: false,
  });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation<RevealedApiKey, ApiClientError, CreateApiKeyInput>({
    mutationFn: (input) => apiFetch<RevealedApiKey>(API_KEYS_PATH, { method: "POST", body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys.all() }),
  });
}

export function useRollApiKey() {
  const queryClient = useQueryClient();
  return useMutation<RevealedApiKey, ApiClientError, string>({
    mutationFn: (id) => apiFetch<RevealedApiKey>(`${keyPath(id)}/roll`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys.all() }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiClientError, string>({
    mutationFn: (id) => apiFetch<void>(keyPath(id), { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys.all() }),
  });
}

/** Confirms the credential review staff asked for; the flag is flipped locally before navigating away. */
export function useCompleteCredentialReview() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiClientError, void>({
    mutationFn: () => apiFetch<void>("/api/users/@me/credentials_review_complete", { method: "POST" }),
    onSuccess: () => {
      queryClient.setQueryData<Record<string, unknown>>(queryKeys.users.me(), (me) => (me ? { ...me, requires_credential_review: false } : me));
    },
  });
}
