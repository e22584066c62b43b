"use client";

import { useEffect, useId, useState } from "react";
import { useAnnounce } from "@/components/ui/announcer";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { LocalDate } from "@/components/ui/local-date";
import { TablePager } from "@/components/ui/table-pager";
import type { ApiClientError } from "@/lib/client/api-client";
import { REPOSITORIES_PAGE_LIMIT } from "@/lib/client/integrations-page";
import { useBranches, useRefreshRepositories, useRemoveIntegration, useRepositories } from "@/lib/client/use-integrations";
import type { IntegrationDto } from "@/lib/github/schemas";

const TIME_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
// Only GitHub's own avatar host is allowed by the Content-Security-Policy; anything else shows initials.
const AVATAR_HOST = "https://avatars.githubusercontent.com/";

function githubProblem(error: ApiClientError): string {
  if (error.status === 503) return "GitHub can't be reached right now. Try again in a moment.";
  if (error.status === 502) return "GitHub answered with an error. Try again in a moment.";
  if (error.status === 429) return `GitHub is limiting requests. Try again in ${error.retryAfterSeconds ?? 60} seconds.`;
  return error.body.detail;
}

function Avatar({ integration }: { integration: IntegrationDto }) {
  const [broken, setBroken] = useState(false);
  const url = integration.account.avatar_url;
  if (url?.startsWith(AVATAR_HOST) && !broken) {
    return <img className="github-avatar" src={url} alt="" width={40} height={40} onError={() => setBroken(true)} />;
  }
  return (
    <span className="github-avatar github-avatar--initials" aria-hidden="true">
      {integration.account.name.slice(0, 2).toUpperCase()}
    </span>
  );
}

/** Waits for typing to pause before searching. */
function useDebounced(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function BranchPicker({ installationId, repo }: { installationId: string; repo: string }) {
  const id = useId();
  const branches = useBranches(installationId, repo, "");
  if (branches.isError) return <p className="field__error" role="alert">{githubProblem(branches.error)}</p>;
  if (!branches.data) return <p className="muted">Loading branches…</p>;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Branches of {repo}
      </label>
      <select id={id} className="input scene-default__select" defaultValue={branches.data.default_branch ?? undefined}>
        {branches.data.branches.map((branch) => (
          <option key={branch} value={branch}>
            {branch === branches.data.default_branch ? `${branch} (default)` : branch}
          </option>
        ))}
      </select>
      {branches.data.has_more ? <p className="field__help">Showing the first {branches.data.branches.length} branches.</p> : null}
    </div>
  );
}

function RepositoryBrowser({ integration }: { integration: IntegrationDto }) {
  const searchId = useId();
  const [typed, setTyped] = useState("");
  const search = useDebounced(typed.trim());
  const [offset, setOffset] = useState(0);
  const [chosen, setChosen] = useState<string | null>(null);
  const repositories = useRepositories(integration.installation_id, search, offset);
  const page = repositories.data;
  useEffect(() => setOffset(0), [search]);

  return (
    <div className="github-repositories">
      <div className="field">
        <label className="field__label" htmlFor={searchId}>
          Search repositories
        </label>
        <input id={searchId} className="input" type="search" value={typed} onChange={(event) => setTyped(event.target.value)} spellCheck={false} autoComplete="off" />
      </div>
      {repositories.isError ? (
        <FormAlert>
          <p>{githubProblem(repositories.error)}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => void repositories.refetch()}>
            Try again
          </button>
        </FormAlert>
      ) : !page ? (
        <p className="muted">Loading repositories from GitHub…</p>
      ) : page.repositories.length === 0 ? (
        <p className="muted">{search ? `No repository matches “${search}”.` : "This installation can't reach any repository."}</p>
      ) : (
        <>
          <ul className="github-repository-list" aria-label={`Repositories of ${integration.account.name}`}>
            {page.repositories.map((repo) => (
              <li key={repo.id}>
                <button type="button" className="github-repository" aria-pressed={chosen === repo.full_name} onClick={() => setChosen(repo.full_name)}>
                  {repo.full_name}
                  {repo.private ? <span className="badge badge--neutral">Private</span> : null}
                </button>
              </li>
            ))}
          </ul>
          <TablePager
            rangeId={`${searchId}-range`}
            range={`${offset + 1}–${offset + page.repositories.length} of ${page.count}`}
            hasPrevious={offset > 0}
            hasNext={page.has_more}
            busy={repositories.isFetching}
            onPrevious={() => setOffset(Math.max(0, offset - REPOSITORIES_PAGE_LIMIT))}
            onNext={() => setOffset(offset + REPOSITORIES_PAGE_LIMIT)}
          />
        </>
      )}
      {chosen ? <BranchPicker installationId={integration.installation_id} repo={chosen} /> : null}
    </div>
  );
}

/** One linked installation: who it is, how fresh its repositories are, and what can be done with it. */
export function GitHubInstallation({ integration }: { integration: IntegrationDto }) {
  const refresh = useRefreshRepositories(integration.installation_id);
  const remove = useRemoveIntegration();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const name = integration.account.name;

  return (
    <li className="github-installation">
      <div className="github-installation__header">
        <Avatar integration={integration} />
        <div className="github-installation__facts">
          <p className="device__name">
            {name} <span className="badge badge--neutral">{integration.account.type === "User" ? "Personal account" : "Organization"}</span>
          </p>
          <p className="device__meta">
            {integration.repository_count === null ? "Repositories not listed yet" : `${integration.repository_count} ${integration.repository_count === 1 ? "repository" : "repositories"}`}
            {integration.repositories_refreshed_at ? (
              <>
                {" "}
                · refreshed <LocalDate value={integration.repositories_refreshed_at} options={TIME_FORMAT} />
              </>
            ) : null}{" "}
            · linked by {integration.github_user.login}
          </p>
        </div>
        <div className="github-installation__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={refresh.isPending}
            aria-label={`Refresh repositories of ${name}`}
            onClick={() => refresh.mutate(undefined, { onSuccess: ({ repositories }) => announce(`${name}: ${repositories.length} repositories`) })}
          >
            {refresh.isPending ? "Refreshing…" : "Refresh"}
          </button>
          <button type="button" className="button button--secondary button--small" aria-label={`Remove ${name}`} onClick={() => setConfirming(true)}>
            Remove
          </button>
        </div>
      </div>
      {refresh.isError ? (
        <p className="field__error" role="alert">
          {githubProblem(refresh.error)}
        </p>
      ) : null}
      <RepositoryBrowser integration={integration} />
      <ConfirmDialog
        open={confirming}
        title={`Remove ${name}?`}
        confirmLabel="Remove"
        busyLabel="Removing…"
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(integration.installation_id, {
            onSuccess: () => {
              setConfirming(false);
              announce(`Removed ${name}`);
            },
          })
        }
      >
        <p>This account stops seeing {name}&apos;s repositories here. The app stays installed on GitHub: uninstall it there to end its access.</p>
        {remove.isError ? (
          <p className="field__error" role="alert">
            {githubProblem(remove.error)}
          </p>
        ) : null}
      </ConfirmDialog>
    </li>
  );
}
