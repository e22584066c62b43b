"use client";

import { useQuery } from "@tanstack/react-query";
import type { SecurityCheckupDto } from "@/lib/users/security-checkup-schema";
import { apiFetch, type ApiClientError } from "./api-client";
import { queryKeys } from "./query-keys";

export function useSecurityCheckup() {
  return useQuery<SecurityCheckupDto, ApiClientError>({
    queryKey: queryKeys.securityCheckup.mine(),
    queryFn: ({ signal }) => apiFetch("/api/users/@me/security_checkup", { signal }),
  });
}
