"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SignalAutonomyDto } from "@/lib/signals/schemas";
import type { SignalPriority } from "@/lib/signals/rules";
import { apiFetch, isApiClientError, type ApiClientError } from "./api-client";
import { queryKeys } from "./query-keys";

const PATH = "/api/users/@me/signal_autonomy";

export interface SignalAutonomyChange {
  autostart_priority?: SignalPriority | null;
  slack_notification_channel?: string | null;
  slack_notification_min_priority?: SignalPriority | null;
}

/** The caller's settings, or null when they have not opted in (the API's 404). */
export function useMySignalAutonomy() {
  return useQuery<SignalAutonomyDto | null, ApiClientError>({
    queryKey: queryKeys.signalAutonomy.mine(),
    queryFn: async ({ signal }) => {
      try {
        return await apiFetch<SignalAutonomyDto>(PATH, { signal });
      } catch (error) {
        if (isApiClientError(error) && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** Opts in (`{}`) or writes the keys given; the answer becomes the cached settings. */
export function useSaveSignalAutonomy() {
  const queryClient = useQueryClient();
  return useMutation<SignalAutonomyDto, ApiClientError, SignalAutonomyChange>({
    mutationFn: (change) => apiFetch<SignalAutonomyDto>(PATH, { method: "POST", body: change }),
    onSuccess: (config) => queryClient.setQueryData(queryKeys.signalAutonomy.mine(), config),
  });
}

export function useOptOutOfSignalAutonomy() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiClientError, void>({
    mutationFn: () => apiFetch<void>(PATH, { method: "DELETE" }),
    onSuccess: () => queryClient.setQueryData(queryKeys.signalAutonomy.mine(), null),
  });
}
