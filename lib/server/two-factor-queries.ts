import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { queryKeys } from "@/lib/client/query-keys";
import { twoFactorStatus } from "@/lib/two-factor/service";
import { selfSubject } from "@/lib/users/subject";
import type { PageQuery } from "./page-queries";

/** `GET /api/users/@me/two_factor_status` as `useTwoFactorStatus()` asks for it. */
export function twoFactorStatusQuery(principal: Principal): PageQuery {
  return {
    queryKey: queryKeys.twoFactor.status(),
    queryFn: () => twoFactorStatus(selfSubject(principal)),
  };
}
