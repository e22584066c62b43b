import "server-only";
import { paginated } from "@/lib/api/pagination";
import { publicOrigin } from "@/lib/api/public-url";
import type { Principal } from "@/lib/auth/principal";
import { queryKeys } from "@/lib/client/query-keys";
import { SESSIONS_PAGE_LIMIT } from "@/lib/client/sessions-page";
import { listSessions } from "@/lib/sessions/service";
import { securityCheckup } from "@/lib/users/security-checkup";
import { selfSubject } from "@/lib/users/subject";
import type { PageQuery } from "./page-queries";

/** `GET /api/users/@me/sessions` as `useMySessions()` asks for it. */
export function mySessionsQuery(principal: Principal): PageQuery {
  return {
    queryKey: queryKeys.sessions.mine(),
    queryFn: async () => {
      const page = { limit: SESSIONS_PAGE_LIMIT, offset: 0 };
      const url = new URL(`/api/users/@me/sessions?limit=${page.limit}`, publicOrigin());
      const { count, results } = await listSessions(principal, selfSubject(principal), page);
      return paginated(url, page, count, results);
    },
  };
}

/** `GET /api/users/@me/security_checkup` as `useSecurityCheckup()` asks for it. */
export function securityCheckupQuery(principal: Principal): PageQuery {
  return { queryKey: queryKeys.securityCheckup.mine(), queryFn: () => securityCheckup(selfSubject(principal)) };
}
