"use client";

import { FormAlert } from "@/components/ui/form-alert";
import { LoadState } from "@/components/ui/load-state";
import { CONNECT_ERRORS } from "@/lib/client/integrations-page";
import { useMyIntegrations, useStartGitHubConnect } from "@/lib/client/use-integrations";
import { GitHubInstallation } from "./github-installation";
import { SettingsCard } from "./settings-card";

export type ConnectOutcome = { kind: "linked" } | { kind: "failed"; reason: string } | null;

/** The GitHub App installations linked to this account, and Connect GitHub for another. */
export function GitHubCard({ outcome }: { outcome: ConnectOutcome }) {
  const integrations = useMyIntegrations();
  const start = useStartGitHubConnect();
  const page = integrations.data;

  return (
    <SettingsCard id="github" title="GitHub" description="Link GitHub accounts and organizations where the app is installed, and browse the repositories it can read." busy={integrations.isPending}>
      {outcome?.kind === "linked" ? <FormAlert tone="info">GitHub is connected.</FormAlert> : null}
      {outcome?.kind === "failed" ? <FormAlert>{CONNECT_ERRORS[outcome.reason] ?? "GitHub was not connected. Try again."}</FormAlert> : null}
      {start.isError ? <FormAlert>{start.error.status === 503 ? "GitHub can't be reached right now. Try again in a moment." : start.error.body.detail}</FormAlert> : null}
      {!page ? (
        <LoadState pending={integrations.isPending} what="your GitHub connections" onRetry={() => void integrations.refetch()} />
      ) : page.results.length === 0 ? (
        <p className="muted">No GitHub account is connected yet.</p>
      ) : (
        <ul className="github-installations" aria-label="Connected GitHub installations">
          {page.results.map((integration) => (
            <GitHubInstallation key={integration.id} integration={integration} />
          ))}
        </ul>
      )}
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={start.isPending || start.isSuccess}
          onClick={() => start.mutate(undefined, { onSuccess: ({ install_url }) => window.location.assign(install_url) })}
        >
          {start.isPending || start.isSuccess ? "Opening GitHub…" : "Connect GitHub"}
        </button>
      </div>
    </SettingsCard>
  );
}
