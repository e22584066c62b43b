"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, type ApiClientError } from "./api-client";
import { auditLogPath, type AuditPage } from "./audit-log";
import { queryKeys, type AuditLogParams } from "./query-keys";

export function useAuditLog(params: AuditLogParams) {
  return useQuery<AuditPage, ApiClientError>({
    queryKey: queryKeys.auditLog.list(params),
    queryFn: ({ signal }) => apiFetch<AuditPage>(auditLogPath(params), { signal }),
    placeholderData: keepPreviousData,
  });
}
