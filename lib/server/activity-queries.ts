import "server-only";
import { activityQuerySchema, type ActivityEntryDto } from "@/lib/activity/schemas";
import { listActivity } from "@/lib/activity/service";
import type { Paginated } from "@/lib/api/pagination";
import { publicOrigin } from "@/lib/api/public-url";
import type { Principal } from "@/lib/auth/principal";
import { activityPath, type ActivityParams } from "@/lib/client/activity-page";
import { queryKeys } from "@/lib/client/query-keys";
import { selfSubject } from "@/lib/users/subject";
import type { PageQuery } from "./page-queries";

/** `GET /api/users/@me/activity` as `useActivity(params)` asks for it. */
export function activityQuery(principal: Principal, params: ActivityParams): PageQuery<Paginated<ActivityEntryDto>> {
  return {
    queryKey: queryKeys.activity.list(params),
    queryFn: () => {
      const url = new URL(activityPath(params), publicOrigin());
      return listActivity(selfSubject(principal), activityQuerySchema.parse(Object.fromEntries(url.searchParams)), url);
    },
  };
}
