"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Paginated } from "@/lib/api/pagination";
import type { PushDeviceDto } from "@/lib/push-tokens/schemas";
import { apiFetch, type ApiClientError } from "./api-client";
import { PUSH_DEVICES_PAGE_LIMIT } from "./push-devices-page";
import { queryKeys } from "./query-keys";

const PATH = "/api/users/@me/push_tokens";

export function useMyPushDevices() {
  return useQuery<Paginated<PushDeviceDto>, ApiClientError>({
    queryKey: queryKeys.pushDevices.mine(),
    queryFn: ({ signal }) => apiFetch<Paginated<PushDeviceDto>>(`${PATH}?limit=${PUSH_DEVICES_PAGE_LIMIT}`, { signal }),
  });
}

export function useRemovePushDevice() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiClientError, string>({
    mutationFn: (id) => apiFetch<void>(`${PATH}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.pushDevices.all() }),
  });
}
