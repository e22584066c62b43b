import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { queryKeys } from "@/lib/client/query-keys";
import { PASSKEYS_PAGE_LIMIT } from "@/lib/client/passkeys-page";
import { listPasskeys } from "@/lib/passkeys/service";
import { selfSubject } from "@/lib/users/subject";
import { firstPageQuery, type PageQuery } from "./page-queries";

/** `GET /api/users/@me/passkeys` as `useMyPasskeys()` asks for it. */
export function myPasskeysQuery(principal: Principal): PageQuery {
  return firstPageQuery(queryKeys.passkeys.mine(), "/api/users/@me/passkeys", PASSKEYS_PAGE_LIMIT, (page) => listPasskeys(principal, selfSubject(principal), page));
}
