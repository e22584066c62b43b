import "server-only";
import { recordActivity } from "@/lib/activity/record";
import { createHash, randomBytes } from "node:crypto";
import { ApiError, errors } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import type { GitHubIntegration, Prisma } from "@/lib/generated/prisma/client";
import { open, seal } from "@/lib/two-factor/secret-box";
import { enforce, mayManageIntegrationsOf } from "@/lib/users/permissions";
import type { Subject } from "@/lib/users/subject";
import { authorizeUser, branchesOf, installationOfUser, installationUrl, repositoriesOf, revokeUserToken, type CachedRepository } from "./github-app";
import type { CallbackQuery, IntegrationDto } from "./schemas";

const CONNECT_STATE_TTL_MS = 10 * 60 * 1000;
/** Repositories listed older than this are fetched again on the next read (as the reference). */
const REPOSITORIES_FRESH_MS = 60 * 60 * 1000;
/** A refresh this soon after the last one answers the cache without calling GitHub. */
const REFRESH_COOL_DOWN_MS = 30 * 1000;
const BRANCHES_FRESH_MS = 10 * 60 * 1000;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
const tokenAad = (userId: number, installationId: string) => `github-user-token:${userId}:${installationId}`;

function cachedRepositories(row: GitHubIntegration): CachedRepository[] | null {
  return Array.isArray(row.repositoryCache) ? (row.repositoryCache as unknown as CachedRepository[]) : null;
}

function serialize(row: GitHubIntegration): IntegrationDto {
  return {
    id: row.id,
    kind: "github",
    installation_id: row.installationId,
    repository_selection: row.repositorySelection === "all" || row.repositorySelection === "selected" ? row.repositorySelection : null,
    account: { type: row.accountType, name: row.accountLogin, avatar_url: row.accountAvatarUrl },
    github_user: { login: row.githubUserLogin },
    uses_shared_installation: false,
    repository_count: cachedRepositories(row)?.length ?? null,
    repositories_refreshed_at: row.repositoryCacheUpdatedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

async function integrationOf(subject: Subject, installationId: string): Promise<GitHubIntegration> {
  enforce(mayManageIntegrationsOf(subject));
  const row = await db().gitHubIntegration.findUnique({ where: { userId_installationId: { userId: subject.user.id, installationId } } });
  if (!row) throw errors.notFound("No GitHub installation with this id is linked to your account.");
  return row;
}

/** Starts a connection: a single-use state bound to the user, and GitHub's installation page to send them to. */
export async function startGitHubConnect(subject: Subject): Promise<{ install_url: string }> {
  enforce(mayManageIntegrationsOf(subject));
  const state = randomBytes(32).toString("base64url");
  const url = installationUrl(state);
  await db().gitHubConnectState.create({ data: { tokenHash: hashOf(state), userId: subject.user.id, expiresAt: new Date(Date.now() + CONNECT_STATE_TTL_MS) } });
  return { install_url: url };
}

/** Why a connection did not complete, as the Integrations page explains it. */
export type ConnectFailure = "access_denied" | "missing_params" | "invalid_state" | "invalid_installation_id" | "exchange_failed" | "installation_not_authorized" | "github_unavailable";

/**
 * GitHub sent the user back. The state must be theirs, unexpired and unused (it is spent here
 * whatever happens next); the code becomes their token; and GitHub itself must list the
 * installation among the ones that user can reach before it is stored.
 */
export async function completeGitHubConnect(userId: number, query: CallbackQuery): Promise<{ ok: true; installationId: string } | { ok: false; reason: ConnectFailure }> {
  if (query.state) {
    const { count } = await db().gitHubConnectState.deleteMany({ where: { tokenHash: hashOf(query.state), userId, expiresAt: { gt: new Date() } } });
    if (count === 0) return { ok: false, reason: "invalid_state" };
  }
  if (query.error) return { ok: false, reason: "access_denied" };
  if (!query.state || !query.code || !query.installation_id) return { ok: false, reason: "missing_params" };
  if (!/^\d{1,20}$/.test(query.installation_id)) return { ok: false, reason: "invalid_installation_id" };

  let user: Awaited<ReturnType<typeof authorizeUser>>;
  try {
    user = await authorizeUser(query.code);
  } catch (error) {
    return { ok: false, reason: error instanceof ApiError && error.status === 503 ? "github_unavailable" : "exchange_failed" };
  }
  let installation: Awaited<ReturnType<typeof installationOfUser>>;
  try {
    installation = await installationOfUser(user.token, Number(query.installation_id));
  } catch {
    return { ok: false, reason: "github_unavailable" };
  }
  if (!installation) return { ok: false, reason: "installation_not_authorized" };

  const installationId = String(installation.id);
  const sealed = seal(user.token, tokenAad(userId, installationId));
  const fields = {
    accountLogin: installation.account.login,
    accountType: installation.account.type,
    accountAvatarUrl: installation.account.avatar_url,
    repositorySelection: installation.repository_selection,
    githubUserLogin: user.login,
    githubUserId: BigInt(user.id),
    userTokenSealed: sealed.encrypted,
    userTokenKeyId: sealed.keyId,
  } satisfies Prisma.GitHubIntegrationUpdateInput;
  await db().$transaction([
    db().gitHubIntegration.upsert({
      where: { userId_installationId: { userId, installationId } },
      create: { userId, installationId, ...fields },
      update: fields,
    }),
    recordActivity(db(), userId, "github_connected", { account: installation.account.login, installation_id: installationId, github_user: user.login }),
  ]);
  return { ok: true, installationId };
}

export async function listIntegrations(subject: Subject, { limit, offset }: { limit: number; offset: number }): Promise<{ count: number; results: IntegrationDto[] }> {
  enforce(mayManageIntegrationsOf(subject));
  const where = { userId: subject.user.id };
  const [count, rows] = await Promise.all([
    db().gitHubIntegration.count({ where }),
    db().gitHubIntegration.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: offset, take: limit }),
  ]);
  return { count, results: rows.map(serialize) };
}

/** Unlinks it here (the App stays installed on GitHub), and asks GitHub to revoke the user's token. */
export async function removeIntegration(subject: Subject, installationId: string): Promise<void> {
  const row = await integrationOf(subject, installationId);
  await db().$transaction(async (tx) => {
    const { count } = await tx.gitHubIntegration.deleteMany({ where: { id: row.id } });
    if (count === 0) throw errors.notFound();
    await recordActivity(tx, row.userId, "github_removed", { account: row.accountLogin, installation_id: row.installationId });
  });
  if (row.userTokenSealed && row.userTokenKeyId) {
    await revokeUserToken(open({ encrypted: row.userTokenSealed, keyId: row.userTokenKeyId }, tokenAad(row.userId, row.installationId)));
  }
}

async function fetchRepositories(row: GitHubIntegration): Promise<{ repositories: CachedRepository[]; refreshedAt: Date }> {
  const repositories = await repositoriesOf(Number(row.installationId));
  const refreshedAt = new Date();
  await db().gitHubIntegration.update({ where: { id: row.id }, data: { repositoryCache: repositories as unknown as Prisma.InputJsonValue, repositoryCacheUpdatedAt: refreshedAt } });
  return { repositories, refreshedAt };
}

/** The cache, filled on first use and again after an hour; GitHub failing, a stale copy still answers. */
async function currentRepositories(row: GitHubIntegration): Promise<{ repositories: CachedRepository[]; refreshedAt: Date | null }> {
  const cached = cachedRepositories(row);
  const fresh = row.repositoryCacheUpdatedAt && Date.now() - row.repositoryCacheUpdatedAt.getTime() < REPOSITORIES_FRESH_MS;
  if (cached && fresh) return { repositories: cached, refreshedAt: row.repositoryCacheUpdatedAt };
  try {
    return await fetchRepositories(row);
  } catch (error) {
    if (cached) return { repositories: cached, refreshedAt: row.repositoryCacheUpdatedAt };
    throw error;
  }
}

function page<T>(items: T[], offset: number, limit: number): { items: T[]; hasMore: boolean } {
  return { items: items.slice(offset, offset + limit), hasMore: offset + limit < items.length };
}

export async function listRepositories(subject: Subject, installationId: string, query: { search: string; limit: number; offset: number }) {
  const row = await integrationOf(subject, installationId);
  const { repositories, refreshedAt } = await currentRepositories(row);
  const needle = query.search.toLowerCase();
  const matches = needle ? repositories.filter((repo) => repo.full_name.toLowerCase().includes(needle)) : repositories;
  const { items, hasMore } = page(matches, query.offset, query.limit);
  return { repositories: items, has_more: hasMore, count: matches.length, refreshed_at: refreshedAt?.toISOString() ?? null };
}

/** Reads every repository again, unless the last read was under 30 seconds ago. */
export async function refreshRepositories(subject: Subject, installationId: string) {
  const row = await integrationOf(subject, installationId);
  const cached = cachedRepositories(row);
  if (cached && row.repositoryCacheUpdatedAt && Date.now() - row.repositoryCacheUpdatedAt.getTime() < REFRESH_COOL_DOWN_MS) {
    return { repositories: cached, refreshed_at: row.repositoryCacheUpdatedAt.toISOString() };
  }
  const { repositories, refreshedAt } = await fetchRepositories(row);
  return { repositories, refreshed_at: refreshedAt.toISOString() };
}

/**
 * One repository's branches, the default first. The repository must be one this installation
 * lists (a name outside it is a 400, not a call to GitHub); branches are cached for 10 minutes
 * and a stale copy answers when GitHub fails.
 */
export async function listBranches(subject: Subject, installationId: string, query: { repo: string; search: string; limit: number; offset: number }) {
  const row = await integrationOf(subject, installationId);
  const { repositories } = await currentRepositories(row);
  const key = query.repo.toLowerCase();
  const repository = repositories.find((candidate) => candidate.full_name.toLowerCase() === key);
  if (!repository) throw errors.invalidField("repo", "invalid_choice", `${query.repo} is not a repository this installation can reach.`);

  const cache = await db().gitHubBranchCache.findUnique({ where: { integrationId_repo: { integrationId: row.id, repo: key } } });
  let branches = cache?.branches ?? null;
  if (!cache || Date.now() - cache.updatedAt.getTime() >= BRANCHES_FRESH_MS) {
    try {
      const [owner, name] = repository.full_name.split("/") as [string, string];
      branches = await branchesOf(Number(row.installationId), owner, name);
      const data = { branches, defaultBranch: repository.default_branch, updatedAt: new Date() };
      await db().gitHubBranchCache.upsert({ where: { integrationId_repo: { integrationId: row.id, repo: key } }, create: { integrationId: row.id, repo: key, ...data }, update: data });
    } catch (error) {
      if (!branches) throw error;
    }
  }
  const ordered = [...(branches ?? [])].sort((a, b) => Number(b === repository.default_branch) - Number(a === repository.default_branch));
  const needle = query.search.toLowerCase();
  const matches = needle ? ordered.filter((branch) => branch.toLowerCase().includes(needle)) : ordered;
  const { items, hasMore } = page(matches, query.offset, query.limit);
  return { branches: items, default_branch: repository.default_branch, has_more: hasMore };
}

/** The GitHub identity the user linked most recently, or null. */
export async function githubLogin(subject: Subject): Promise<{ github_login: string | null }> {
  const row = await db().gitHubIntegration.findFirst({ where: { userId: subject.user.id }, orderBy: { updatedAt: "desc" }, select: { githubUserLogin: true } });
  return { github_login: row?.githubUserLogin ?? null };
}
