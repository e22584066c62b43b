import type { Metadata } from "next";
import { GitHubCard, type ConnectOutcome } from "@/components/settings/github-card";
import { PageHeader } from "@/components/settings/page-header";
import { SettingsCard } from "@/components/settings/settings-card";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { env } from "@/lib/env";
import { integrationsQuery } from "@/lib/server/preference-queries";
import { Prefetched } from "@/lib/server/prefetched";

export const metadata: Metadata = { title: "Integrations · Settings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** GitHub sends the browser back here through our callback, which says how it went in the URL. */
function outcomeOf(params: Record<string, string | string[] | undefined>): ConnectOutcome {
  if (params.github_link_success === "1") return { kind: "linked" };
  return typeof params.github_link_error === "string" ? { kind: "failed", reason: params.github_link_error } : null;
}

export default async function IntegrationsPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePagePrincipal();
  const outcome = outcomeOf(await searchParams);
  return (
    <>
      <PageHeader title="Integrations" description="Services connected to your account." />
      {env.github ? (
        <Prefetched queries={[integrationsQuery(principal)]}>
          <GitHubCard outcome={outcome} />
        </Prefetched>
      ) : (
        <SettingsCard id="github" title="GitHub">
          <p>GitHub isn&apos;t set up on this instance yet, so there is nothing to connect.</p>
          <p className="muted">An operator sets the GitHub App&apos;s variables (GITHUB_APP_ID and the four beside it); the README explains them.</p>
        </SettingsCard>
      )}
    </>
  );
}
