import "server-only";
import { App } from "@octokit/app";
import { RequestError } from "@octokit/request-error";
import { Octokit } from "@octokit/rest";
import { errors, type ApiError } from "@/lib/api/errors";
import type { GitHubAppConfig } from "@/lib/config-schema";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/** The fields of a repository the integration keeps (GitHub's names). */
export interface CachedRepository {
  id: number;
  name: string;
  full_name: string;
  private: boolean;
  default_branch: string;
}

export interface GitHubInstallation {
  id: number;
  account: { login: string; type: string; avatar_url: string | null };
  repository_selection: string | null;
}

const globalForGitHub = globalThis as unknown as { githubApp?: { config: GitHubAppConfig; app: App<{ Octokit: typeof Octokit }> } };

export function githubConfig(): GitHubAppConfig {
  const config = env.github;
  if (!config) throw errors.upstreamUnavailable("GitHub is not configured on this instance.", "github_not_configured", 3600);
  return config;
}

// Octokit logs every request at info; our own lines say what failed, without URLs.
const OCTOKIT_LOG = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function userOctokit(token: string): Octokit {
  return new Octokit({ baseUrl: githubConfig().apiUrl, auth: token, request: { timeout: 10_000 }, log: OCTOKIT_LOG });
}

/** One App per configuration: Octokit caches installation tokens inside it (refreshed before they expire). */
function githubApp(): App<{ Octokit: typeof Octokit }> {
  const config = githubConfig();
  if (globalForGitHub.githubApp?.config !== config) {
    const app = new App({
      appId: config.appId,
      privateKey: config.privateKey,
      oauth: { clientId: config.clientId, clientSecret: config.clientSecret },
      Octokit: Octokit.defaults({ baseUrl: config.apiUrl, request: { timeout: 10_000 }, log: OCTOKIT_LOG }),
    });
    globalForGitHub.githubApp = { config, app };
  }
  return globalForGitHub.githubApp.app;
}

/**
 * GitHub's failures in our envelope, with nothing of the request (no token, no URL query): its
 * rate limit becomes 429 with Retry-After, no answer at all 503, any other failing answer 502.
 */
function asApiError(error: unknown, doing: string): ApiError {
  // Octokit reports a request that got no answer as a RequestError with status 500 and no response.
  if (!(error instanceof RequestError) || !error.response) {
    log.warn("github.unreachable", { doing, error: (error as Error)?.name });
    return errors.upstreamUnavailable("GitHub can't be reached right now. Try again shortly.", "github_unavailable");
  }
  const headers = error.response.headers;
  const retryAfter = Number(headers["retry-after"]);
  const resetAt = Number(headers["x-ratelimit-reset"]);
  if (error.status === 429 || (error.status === 403 && (headers["x-ratelimit-remaining"] === "0" || Number.isFinite(retryAfter) && retryAfter > 0))) {
    const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : Number.isFinite(resetAt) ? resetAt - Date.now() / 1000 : 60;
    return errors.throttled(seconds);
  }
  log.warn("github.error", { doing, status: error.status });
  if (error.status >= 500) return errors.badGateway("GitHub answered with an error. Try again shortly.", "github_error");
  return errors.badGateway(`GitHub refused the request while ${doing} (status ${error.status}).`, "github_error");
}

async function calling<T>(doing: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asApiError(error, doing);
  }
}

/** The installation page a user is sent to, with our `state`. */
export function installationUrl(state: string): string {
  const config = githubConfig();
  return `${config.webUrl}/apps/${encodeURIComponent(config.slug)}/installations/new?state=${encodeURIComponent(state)}`;
}

/** Exchanges the OAuth `code` GitHub sent back for the user's token, and who they are. */
export async function authorizeUser(code: string): Promise<{ token: string; login: string; id: number }> {
  const app = githubApp();
  const { authentication } = await calling("exchanging the sign-in code", () => app.oauth.createToken({ code }));
  const user = userOctokit(authentication.token);
  const { data } = await calling("reading the GitHub user", () => user.rest.users.getAuthenticated());
  return { token: authentication.token, login: data.login, id: data.id };
}

/**
 * The installation, if the user holding `userToken` can reach it: GitHub's own list of the
 * user's installations, every page. The `installation_id` on GitHub's redirect can be forged.
 */
export async function installationOfUser(userToken: string, installationId: number): Promise<GitHubInstallation | null> {
  const user = userOctokit(userToken);
  const installations = await calling("listing the user's installations", () => user.paginate(user.rest.apps.listInstallationsForAuthenticatedUser, { per_page: 100 }));
  const found = installations.find((installation) => installation.id === installationId);
  if (!found) return null;
  const account = found.account as { login?: string; name?: string; type?: string; avatar_url?: string } | null;
  return {
    id: found.id,
    account: { login: account?.login ?? account?.name ?? String(found.id), type: account?.type ?? "Organization", avatar_url: account?.avatar_url ?? null },
    repository_selection: found.repository_selection ?? null,
  };
}

/** Every repository the installation can reach (GitHub pages through 100 at a time). */
export async function repositoriesOf(installationId: number): Promise<CachedRepository[]> {
  const octokit = await calling("authenticating as the installation", () => githubApp().getInstallationOctokit(installationId));
  const repositories = await calling("listing repositories", () => octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 }));
  return repositories.map((repo) => ({ id: repo.id, name: repo.name, full_name: repo.full_name, private: repo.private, default_branch: repo.default_branch }));
}

/** Every branch name of one repository the installation can reach. */
export async function branchesOf(installationId: number, owner: string, repo: string): Promise<string[]> {
  const octokit = await calling("authenticating as the installation", () => githubApp().getInstallationOctokit(installationId));
  const branches = await calling("listing branches", () => octokit.paginate(octokit.rest.repos.listBranches, { owner, repo, per_page: 100 }));
  return branches.map((branch) => branch.name);
}

/** Best effort: the link is gone on our side whatever GitHub answers. */
export async function revokeUserToken(token: string): Promise<void> {
  try {
    await githubApp().oauth.deleteToken({ token });
  } catch (error) {
    log.info("github.revoke_failed", { status: error instanceof RequestError ? error.status : null });
  }
}
