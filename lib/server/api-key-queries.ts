import "server-only";
import { paginated } from "@/lib/api/pagination";
import { publicOrigin } from "@/lib/api/public-url";
import type { Principal } from "@/lib/auth/principal";
import { queryKeys } from "@/lib/client/query-keys";
import { listKeys } from "@/lib/personal-api-keys/service";
import type { PageQuery } from "./page-queries";

/** `GET /api/personal_api_keys` as `useApiKeys()` asks for it (the first page, the default size). */
export function myApiKeysQuery(principal: Principal): PageQuery {
  return {
    queryKey: queryKeys.apiKeys.list(),
    queryFn: async () => {
      const page = { limit: 100, offset: 0 };
      const { count, results } = await listKeys(principal, page);
      return paginated(new URL("/api/personal_api_keys", publicOrigin()), page, count, results);
    },
  };
}
