import "server-only";
import { paginated } from "@/lib/api/pagination";
import { publicOrigin } from "@/lib/api/public-url";
import type { Principal } from "@/lib/auth/principal";
import { queryKeys } from "@/lib/client/query-keys";
import { INTEGRATIONS_PAGE_LIMIT } from "@/lib/client/integrations-page";
import { PUSH_DEVICES_PAGE_LIMIT } from "@/lib/client/push-devices-page";
import { listIntegrations } from "@/lib/github/integrations";
import { listPushDevices } from "@/lib/push-tokens/service";
import { findSignalAutonomy } from "@/lib/signals/service";
import { selfSubject } from "@/lib/users/subject";
import type { PageQuery } from "./page-queries";

/** `GET /api/users/@me/signal_autonomy` as `useMySignalAutonomy()` reads it: null when not opted in. */
export function signalAutonomyQuery(principal: Principal): PageQuery {
  return { queryKey: queryKeys.signalAutonomy.mine(), queryFn: () => findSignalAutonomy(principal.user.id) };
}

/** `GET /api/users/@me/push_tokens` as `useMyPushDevices()` asks for it. */
export function pushDevicesQuery(principal: Principal): PageQuery {
  return {
    queryKey: queryKeys.pushDevices.mine(),
    queryFn: async () => {
      const page = { limit: PUSH_DEVICES_PAGE_LIMIT, offset: 0 };
      const url = new URL(`/api/users/@me/push_tokens?limit=${page.limit}`, publicOrigin());
      const { count, results } = await listPushDevices(selfSubject(principal), page);
      return paginated(url, page, count, results);
    },
  };
}

/** `GET /api/users/@me/integrations` as `useMyIntegrations()` asks for it. */
export function integrationsQuery(principal: Principal): PageQuery {
  return {
    queryKey: queryKeys.integrations.mine(),
    queryFn: async () => {
      const page = { limit: INTEGRATIONS_PAGE_LIMIT, offset: 0 };
      const url = new URL(`/api/users/@me/integrations?limit=${page.limit}`, publicOrigin());
      const { count, results } = await listIntegrations(selfSubject(principal), page);
      return paginated(url, page, count, results);
    },
  };
}
