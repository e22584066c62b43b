"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Paginated } from "@/lib/api/pagination";
import type { revokedSessionsSchema, SessionDto } from "@/lib/sessions/session-schema";
import { apiFetch, type ApiClientError } from "./api-client";
import { queryKeys } from "./query-keys";
import { SESSIONS_PAGE_LIMIT } from "./sessions-page";

const SESSIONS_PATH = "/api/users/@me/sessions";

export function useMySessions() {
  return useQuery<Paginated<SessionDto>, ApiClientError>({
    queryKey: queryKeys.sessions.mine(),
    queryFn: ({ signal }) => apiFetch<Paginated<SessionDto>>(`${SESSIONS_PATH}?limit=${SESSIONS_PAGE_LIMIT}`, { signal }),
  });
}

export function useSignOutDevice() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiClientError, string>({
    mutationFn: (id) => apiFetch<void>(`${SESSIONS_PATH}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions.all() }),
  });
}

export function useSignOutOtherDevices() {
  const queryClient = useQueryClient();
  return useMutation<z.infer<typeof revokedSessionsSchema>, ApiClientError, void>({
    mutationFn: () => apiFetch(`${SESSIONS_PATH}/revoke_others`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions.all() }),
  });
}
