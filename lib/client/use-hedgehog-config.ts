"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { HedgehogDraft } from "@/lib/hedgehog/draft";
import type { StoredHedgehogConfig } from "@/lib/hedgehog/look";
import type { HedgehogConfig } from "@/lib/users/hedgehog-schema";
import type { UserDto } from "@/lib/users/user-schema";
import { apiFetch, type ApiClientError } from "./api-client";
import { queryKeys } from "./query-keys";

const HEDGEHOG_CONFIG_PATH = "/api/users/@me/hedgehog_config/";

export function useHedgehogConfig() {
  return useQuery<StoredHedgehogConfig, ApiClientError>({
    queryKey: queryKeys.users.hedgehogConfig(),
    queryFn: ({ signal }) => apiFetch<StoredHedgehogConfig>(HEDGEHOG_CONFIG_PATH, { signal }),
  });
}

/**
 * PATCHes the whole version-2 config the page shows (right under a merging or a replacing server);
 * the stored answer also goes into the cached user, so the avatar follows without a refetch.
 */
export function useSaveHedgehogConfig() {
  const queryClient = useQueryClient();
  return useMutation<StoredHedgehogConfig, ApiClientError, HedgehogDraft>({
    mutationFn: (config) => apiFetch<StoredHedgehogConfig>(HEDGEHOG_CONFIG_PATH, { method: "PATCH", body: config }),
    onSuccess: (stored) => {
      queryClient.setQueryData(queryKeys.users.hedgehogConfig(), stored);
      queryClient.setQueryData<UserDto>(queryKeys.users.me(), (user) => (user ? { ...user, hedgehog_config: stored as HedgehogConfig } : user));
    },
  });
}
