"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { UserDto } from "@/lib/users/user-schema";
import { apiFetch, type ApiClientError } from "./api-client";
import { queryKeys } from "./query-keys";

export interface SceneDashboardChoice {
  scene: string;
  dashboard: number;
}

/** POST a scene's default dashboard for the current project; the answer becomes the cached user. */
export function useSetSceneDashboard() {
  const queryClient = useQueryClient();
  return useMutation<UserDto, ApiClientError, SceneDashboardChoice>({
    mutationFn: (choice) => apiFetch<UserDto>("/api/users/@me/scene_personalisation", { method: "POST", body: choice }),
    onSuccess: (user) => queryClient.setQueryData(queryKeys.users.me(), user),
  });
}
