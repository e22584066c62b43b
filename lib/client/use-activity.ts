"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ActivityEntryDto } from "@/lib/activity/schemas";
import type { Paginated } from "@/lib/api/pagination";
import { apiFetch, type ApiClientError } from "./api-client";
import { activityPath, type ActivityParams } from "./activity-page";
import { queryKeys } from "./query-keys";

export function useActivity(params: ActivityParams) {
  return useQuery<Paginated<ActivityEntryDto>, ApiClientError>({
    queryKey: queryKeys.activity.list(params),
    queryFn: ({ signal }) => apiFetch<Paginated<ActivityEntryDto>>(activityPath(params), { signal }),
    placeholderData: keepPreviousData,
  });
}
