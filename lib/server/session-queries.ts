import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { queryKeys } from "@/lib/client/query-keys";
import { SESSIONS_PAGE_LIMIT } from "@/lib/client/sessions-page";
import { listSessions } from "@/lib/sessions/service";
import { securityCheckup } from "@/lib/users/security-checkup";
import { selfSubject } from "@/lib/users/subject";
import { firstPageQuery, type PageQuery } from "./page-queries";

/** `GET /api/users/@me/sessions` as `useMySessions()` asks for it. */
export function mySessionsQuery(principal: Principal): PageQuery {
  return firstPageQuery(queryKeys.sessions.mine(), "/api/users/@me/sessions", SESSIONS_PAGE_LIMIT, (page) => listSessions(principal, selfSubject(principal), page));
}

/** `GET /api/users/@me/security_checkup` as `useSecurityCheckup()` asks for it. */
export function securityCheckupQuery(principal: Principal): PageQuery {
  return { queryKey: queryKeys.securityCheckup.mine(), queryFn: () => securityCheckup(selfSubject(principal)) };
}
