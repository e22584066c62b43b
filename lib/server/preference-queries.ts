import "server-only";
import { paginated } from "@/lib/api/pagination";
import { publicOrigin } from "@/lib/api/public-url";
import type { Principal } from "@/lib/auth/principal";
import { queryKeys } from "@/lib/client/query-keys";
import { PUSH_DEVICES_PAGE_LIMIT } from "@/lib/client/push-devices-page";
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
