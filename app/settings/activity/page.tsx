import type { Metadata } from "next";
import { ActivityLog } from "@/components/settings/activity-log";
import { PageHeader } from "@/components/settings/page-header";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { activityParamsFor, activityViewFromSearchParams } from "@/lib/client/activity-page";
import type { PageSearchParams } from "@/lib/client/user-table-page";
import { env } from "@/lib/env";
import { activityQuery } from "@/lib/server/activity-queries";
import { Prefetched } from "@/lib/server/prefetched";

export const metadata: Metadata = { title: "Activity · Settings" };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const principal = await requirePagePrincipal();
  const params = activityParamsFor(activityViewFromSearchParams(await searchParams));
  return (
    <>
      <PageHeader
        title="Activity"
        description={`What happened to your account: sign-ins, changes to how you sign in, API keys, integrations, and anything staff did. Kept for ${env.activityRetentionDays} days.`}
      />
      <Prefetched queries={[activityQuery(principal, params)]}>
        <ActivityLog />
      </Prefetched>
    </>
  );
}
