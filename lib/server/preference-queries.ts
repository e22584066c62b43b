import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { INTEGRATIONS_PAGE_LIMIT } from "@/lib/client/integrations-page";
import { PUSH_DEVICES_PAGE_LIMIT } from "@/lib/client/push-devices-page";
import { queryKeys } from "@/lib/client/query-keys";
import { listIntegrations } from "@/lib/github/integrations";
import { listPushDevices } from "@/lib/push-tokens/service";
import { findSignalAutonomy } from "@/lib/signals/service";
import { selfSubject } from "@/lib/users/subject";
import { firstPageQuery, type PageQuery } from "./page-queries";

/** `GET /api/users/@me/signal_autonomy` as `useMySignalAutonomy()` reads it: null when not opted in. */
export function signalAutonomyQuery(principal: Principal): PageQuery {
  return { queryKey: queryKeys.signalAutonomy.mine(), queryFn: () => findSignalAutonomy(principal.user.id) };
}

/** `GET /api/users/@me/push_tokens` as `useMyPushDevices()` asks for it. */
export function pushDevicesQuery(principal: Principal): PageQuery {
  return firstPageQuery(queryKeys.pushDevices.mine(), "/api/users/@me/push_tokens", PUSH_DEVICES_PAGE_LIMIT, (page) => listPushDevices(selfSubject(principal), page));
}

/** `GET /api/users/@me/integrations` as `useMyIntegrations()` asks for it. */
export function integrationsQuery(principal: Principal): PageQuery {
  return firstPageQuery(queryKeys.integrations.mine(), "/api/users/@me/integrations", INTEGRATIONS_PAGE_LIMIT, (page) => listIntegrations(selfSubject(principal), page));
}
