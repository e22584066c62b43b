"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Paginated } from "@/lib/api/pagination";
import type { branchesSchema, IntegrationDto, refreshedRepositoriesSchema, repositoriesSchema } from "@/lib/github/schemas";
import { apiFetch, type ApiClientError } from "./api-client";
import { BRANCHES_PAGE_LIMIT, INTEGRATIONS_PAGE_LIMIT, REPOSITORIES_PAGE_LIMIT } from "./integrations-page";
import { queryKeys } from "./query-keys";

const BASE = "/api/users/@me/integrations";
const installation = (id: string) => `${BASE}/github/${encodeURIComponent(id)}`;

export type RepositoryPage = z.infer<typeof repositoriesSchema>;
export type BranchPage = z.infer<typeof branchesSchema>;

export function useMyIntegrations() {
  return useQuery<Paginated<IntegrationDto>, ApiClientError>({
    queryKey: queryKeys.integrations.mine(),
    queryFn: ({ signal }) => apiFetch(`${BASE}?limit=${INTEGRATIONS_PAGE_LIMIT}`, { signal }),
  });
}

export function useStartGitHubConnect() {
  return useMutation<{ install_url: string }, ApiClientError, void>({
    mutationFn: () => apiFetch(`${BASE}/github/start`, { method: "POST" }),
  });
}

export function useRepositories(installationId: string, search: string, offset: number) {
  return useQuery<RepositoryPage, ApiClientError>({
    queryKey: queryKeys.integrations.repositories(installationId, search, offset),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: String(REPOSITORIES_PAGE_LIMIT), offset: String(offset) });
      if (search) params.set("search", search);
      return apiFetch(`${installation(installationId)}/repos?${params}`, { signal });
    },
    placeholderData: keepPreviousData,
  });
}

export function useBranches(installationId: string, repo: string | null, search: string) {
  return useQuery<BranchPage, ApiClientError>({
    queryKey: queryKeys.integrations.branches(installationId, repo ?? "", search),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ repo: repo ?? "", limit: String(BRANCHES_PAGE_LIMIT) });
      if (search) params.set("search", search);
      return apiFetch(`${installation(installationId)}/branches?${params}`, { signal });
    },
    enabled: repo !== null,
    placeholderData: keepPreviousData,
  });
}

/** A refresh changes the repositories and the installation's count and time: both are read again. */
export function useRefreshRepositories(installationId: string) {
  const queryClient = useQueryClient();
  return useMutation<z.infer<typeof refreshedRepositoriesSchema>, ApiClientError, void>({
    mutationFn: () => apiFetch(`${installation(installationId)}/repos/refresh`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.integrations.all() }),
  });
}

export function useRemoveIntegration() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiClientError, string>({
    mutationFn: (installationId) => apiFetch<void>(installation(installationId), { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.integrations.all() }),
  });
}
