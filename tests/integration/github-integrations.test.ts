import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as CALLBACK } from "@/app/api/integrations/github/callback/route";
import { GET as GITHUB_LOGIN } from "@/app/api/users/[uuid]/github_login/route";
import { DELETE as REMOVE } from "@/app/api/users/[uuid]/integrations/github/[installation_id]/route";
import { GET as BRANCHES } from "@/app/api/users/[uuid]/integrations/github/[installation_id]/branches/route";
import { GET as REPOS } from "@/app/api/users/[uuid]/integrations/github/[installation_id]/repos/route";
import { POST as REFRESH } from "@/app/api/users/[uuid]/integrations/github/[installation_id]/repos/refresh/route";
import { POST as START } from "@/app/api/users/[uuid]/integrations/github/start/route";
import { GET as LIST } from "@/app/api/users/[uuid]/integrations/route";
import { db } from "@/lib/db/client";
import { overrideEnvForTests } from "@/lib/env";
import { expectError } from "../support/envelope";
import { startLocalGitHub, type LocalGitHub } from "../support/local-github";
import { bearer, createKeyFor } from "../support/personal-api-keys";
import { call, ORIGIN, sessionCookie } from "../support/requests";
import { createTestUser } from "../support/users";

let github: LocalGitHub;
let restoreEnv: () => void;

beforeAll(async () => {
  github = await startLocalGitHub({ callbackUrl: `${ORIGIN}/api/integrations/github/callback` });
  restoreEnv = overrideEnvForTests({
    GITHUB_APP_ID: String(github.appId),
    GITHUB_APP_SLUG: github.appSlug,
    GITHUB_APP_PRIVATE_KEY: github.privateKeyPem,
    GITHUB_APP_CLIENT_ID: github.clientId,
    GITHUB_APP_CLIENT_SECRET: github.clientSecret,
    GITHUB_WEB_URL: github.webUrl,
    GITHUB_API_URL: github.apiUrl,
  });
});
afterAll(async () => {
  restoreEnv();
  await github.close();
});
beforeEach(() => github.state.setFailure(null));

const me = "@me";
const base = `/api/users/${me}/integrations`;
const installationPath = (id: string) => `${base}/github/${id}`;

async function signedIn() {
  const user = await createTestUser();
  return { user, cookie: await sessionCookie(user) };
}

/** What a browser does: start, pick the account on GitHub's page, follow GitHub's redirect back to us. */
async function connect(cookie: string, account: string, tamper: (query: URLSearchParams) => void = () => {}) {
  const started = await call(START, { method: "POST", path: `${base}/github/start`, params: { uuid: me }, cookie });
  expect(started.status).toBe(200);
  const installUrl = new URL(started.body.install_url);
  const state = installUrl.searchParams.get("state")!;
  const confirm = new URL(`${installUrl.pathname}/confirm`, github.webUrl);
  confirm.search = new URLSearchParams({ account, state }).toString();
  const fromGitHub = await fetch(confirm, { redirect: "manual" });
  const back = new URL(fromGitHub.headers.get("location")!);
  tamper(back.searchParams);
  const landed = await call(CALLBACK, { path: `/api/integrations/github/callback?${back.searchParams}`, cookie });
  return { status: landed.status, location: landed.headers.get("location") ?? "", installationId: back.searchParams.get("installation_id")!, state };
}

async function connected(account = "hedgehog-inc") {
  const caller = await signedIn();
  const link = await connect(caller.cookie, account);
  expect(link.location).toBe(`${ORIGIN}/settings/integrations?github_link_success=1`);
  return { ...caller, installationId: link.installationId };
}

describe("connecting GitHub", () => {
  it("links the installation GitHub confirms the user can reach; the token is sealed and never returned", async () => {
    const { user, cookie, installationId } = await connected();
    const row = await db().gitHubIntegration.findUniqueOrThrow({ where: { userId_installationId: { userId: user.id, installationId } } });
    expect(row).toMatchObject({ accountLogin: "hedgehog-inc", accountType: "Organization", githubUserLogin: "octocat", repositorySelection: "all" });
    expect(row.userTokenSealed).not.toMatch(/^ghu_/);

    const listed = await call(LIST, { path: base, params: { uuid: me }, cookie });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ count: 1, results: [{ kind: "github", installation_id: installationId, account: { type: "Organization", name: "hedgehog-inc" }, github_user: { login: "octocat" }, repository_count: null }] });
    expect(JSON.stringify(listed.body)).not.toMatch(/gh[usr]_/);
    expect((await call(GITHUB_LOGIN, { path: `/api/users/${me}/github_login`, params: { uuid: me }, cookie })).body).toEqual({ github_login: "octocat" });
    const activity = await db().activityEntry.findMany({ where: { userId: user.id } });
    expect(activity).toMatchObject([{ kind: "github_connected", details: { account: "hedgehog-inc", installation_id: installationId, github_user: "octocat" } }]);
    expect(JSON.stringify(activity)).not.toMatch(/gh[usr]_/);
  });

  it("refuses a forged installation id (one the GitHub user cannot reach) and stores nothing", async () => {
    const other = github.state.addInstallation({ account: { login: `forged-${Date.now()}`, type: "Organization" }, users: ["other-dev"], repositories: ["private-stuff"] });
    const { user, cookie } = await signedIn();
    const link = await connect(cookie, "hedgehog-inc", (query) => query.set("installation_id", String(other.id)));
    expect(link.location).toBe(`${ORIGIN}/settings/integrations?github_link_error=installation_not_authorized`);
    expect(await db().gitHubIntegration.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a state is single-use, bound to its user, and a cancelled install says so", async () => {
    const { user, cookie } = await signedIn();
    const first = await connect(cookie, "octocat");
    expect(first.location).toContain("github_link_success=1");
    const replay = await call(CALLBACK, { path: `/api/integrations/github/callback?state=${first.state}&code=x&installation_id=${first.installationId}`, cookie });
    expect(replay.headers.get("location")).toContain("github_link_error=invalid_state");

    const intruder = await signedIn();
    const stolen = await connect(cookie, "octocat", () => {});
    expect(stolen.location).toContain("success");
    const started = await call(START, { method: "POST", path: `${base}/github/start`, params: { uuid: me }, cookie });
    const state = new URL(started.body.install_url).searchParams.get("state")!;
    const asIntruder = await call(CALLBACK, { path: `/api/integrations/github/callback?state=${state}&code=x&installation_id=1`, cookie: intruder.cookie });
    expect(asIntruder.headers.get("location")).toContain("github_link_error=invalid_state");
    expect(await db().gitHubIntegration.count({ where: { userId: intruder.user.id } })).toBe(0);

    const cancelled = await call(START, { method: "POST", path: `${base}/github/start`, params: { uuid: me }, cookie });
    const cancelState = new URL(cancelled.body.install_url).searchParams.get("state")!;
    const back = await call(CALLBACK, { path: `/api/integrations/github/callback?error=access_denied&state=${cancelState}`, cookie });
    expect(back.headers.get("location")).toContain("github_link_error=access_denied");
    expect(await db().gitHubIntegration.count({ where: { userId: user.id } })).toBe(1);
  });

  it("sends a signed-out browser to sign in first, coming back to the same callback", async () => {
    const back = await call(CALLBACK, { path: "/api/integrations/github/callback?state=s&code=c&installation_id=1" });
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe(`${ORIGIN}/signin?next=${encodeURIComponent("/api/integrations/github/callback?state=s&code=c&installation_id=1")}`);
  });
});

describe("repositories and branches", () => {
  it("reads every page of GitHub's list (250 repositories) into the cache once, then pages and searches it", async () => {
    const { cookie, installationId } = await connected();
    github.state.clearRequests();
    const first = await call(REPOS, { path: `${installationPath(installationId)}/repos?limit=100`, params: { uuid: me, installation_id: installationId }, cookie });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ count: 250, has_more: true });
    expect(first.body.repositories).toHaveLength(100);
    expect(github.state.requests.filter((request) => request.path.endsWith("/installation/repositories"))).toHaveLength(3);

    const last = await call(REPOS, { path: `${installationPath(installationId)}/repos?limit=100&offset=200`, params: { uuid: me, installation_id: installationId }, cookie });
    expect(last.body.repositories).toHaveLength(50);
    expect(last.body.has_more).toBe(false);
    const search = await call(REPOS, { path: `${installationPath(installationId)}/repos?search=REPO-24`, params: { uuid: me, installation_id: installationId }, cookie });
    expect(search.body.repositories.map((repo: { name: string }) => repo.name)).toEqual(["repo-240", "repo-241", "repo-242", "repo-243", "repo-244", "repo-245", "repo-246", "repo-247", "repo-248", "repo-249"]);
    expect(github.state.requests.filter((request) => request.path.endsWith("/installation/repositories"))).toHaveLength(3);
  });

  it("refresh picks up a repository added on GitHub; a refresh right after answers the cache", async () => {
    const { cookie, installationId } = await connected("octocat");
    const params = { uuid: me, installation_id: installationId };
    const before = (await call(REPOS, { path: `${installationPath(installationId)}/repos`, params, cookie })).body.count;
    github.state.addRepository(Number(installationId), `new-thing-${Date.now()}`);
    await db().gitHubIntegration.updateMany({ where: { installationId }, data: { repositoryCacheUpdatedAt: new Date(Date.now() - 60_000) } });
    const refreshed = await call(REFRESH, { method: "POST", path: `${installationPath(installationId)}/repos/refresh`, params, cookie });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.repositories).toHaveLength(before + 1);
    github.state.clearRequests();
    expect((await call(REFRESH, { method: "POST", path: `${installationPath(installationId)}/repos/refresh`, params, cookie })).body.repositories).toHaveLength(before + 1);
    expect(github.state.requests).toHaveLength(0);
  });

  it("lists a repository's branches with the default first; a repository outside the installation is a 400 naming repo", async () => {
    const { cookie, installationId } = await connected("octocat");
    const params = { uuid: me, installation_id: installationId };
    const branches = await call(BRANCHES, { path: `${installationPath(installationId)}/branches?repo=octocat/hello-world`, params, cookie });
    expect(branches.status).toBe(200);
    expect(branches.body).toEqual({ branches: ["main", "develop", "feature/onboarding"], default_branch: "main", has_more: false });
    const searched = await call(BRANCHES, { path: `${installationPath(installationId)}/branches?repo=octocat/hello-world&search=FEAT`, params, cookie });
    expect(searched.body.branches).toEqual(["feature/onboarding"]);
    expectError(await call(BRANCHES, { path: `${installationPath(installationId)}/branches?repo=other-dev/secret-project`, params, cookie }), 400, { type: "validation_error", code: "invalid_choice", attr: "repo" });
    expectError(await call(BRANCHES, { path: `${installationPath(installationId)}/branches?repo=not-a-repo`, params, cookie }), 400, { type: "validation_error", code: "invalid_input", attr: "repo" });
    expectError(await call(BRANCHES, { path: `${installationPath(installationId)}/branches`, params, cookie }), 400, { type: "validation_error", code: "required", attr: "repo" });
    expectError(await call(BRANCHES, { path: `${installationPath(installationId)}/branches?repo=octocat/hello-world&limit=1001`, params, cookie }), 400, { type: "validation_error", code: "max_value", attr: "limit" });
  });

  it("GitHub down: 502 in the envelope with no token material, unreachable 503, and a stale cache still answers", async () => {
    const { cookie, installationId } = await connected("octocat");
    const params = { uuid: me, installation_id: installationId };
    github.state.setFailure("down");
    const cold = await call(REPOS, { path: `${installationPath(installationId)}/repos`, params, cookie });
    expectError(cold, 502, { type: "server_error", code: "github_error" });
    expect(JSON.stringify(cold.body)).not.toMatch(/gh[sur]_|BEGIN|Bearer/);
    github.state.setFailure(null);
    const warm = await call(REPOS, { path: `${installationPath(installationId)}/repos`, params, cookie });
    expect(warm.status).toBe(200);
    await db().gitHubIntegration.updateMany({ where: { installationId }, data: { repositoryCacheUpdatedAt: new Date(Date.now() - 2 * 60 * 60 * 1000) } });
    github.state.setFailure("unreachable");
    expect((await call(REPOS, { path: `${installationPath(installationId)}/repos`, params, cookie })).body.count).toBe(warm.body.count);
    expectError(await call(REFRESH, { method: "POST", path: `${installationPath(installationId)}/repos/refresh`, params, cookie }), 503, { type: "server_error", code: "github_unavailable" });
  });

  it("GitHub's rate limit becomes 429 with Retry-After", async () => {
    const { cookie, installationId } = await connected("octocat");
    github.state.setFailure("rate_limited");
    const limited = await call(REPOS, { path: `${installationPath(installationId)}/repos`, params: { uuid: me, installation_id: installationId }, cookie });
    expectError(limited, 429, { type: "throttled_error", code: "throttled" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("removing and who may", () => {
  it("removes the caller's link (204) and revokes their token at GitHub; another user's installation id is a 404 with no effect; a non-numeric id is a 400", async () => {
    const owner = await connected("octocat");
    const other = await connected("octocat");
    const elsewhere = await connected("hedgehog-inc");
    expectError(await call(REMOVE, { method: "DELETE", path: installationPath(elsewhere.installationId), params: { uuid: me, installation_id: elsewhere.installationId }, cookie: owner.cookie }), 404, { type: "invalid_request", code: "not_found" });
    expect(await db().gitHubIntegration.count({ where: { userId: elsewhere.user.id } })).toBe(1);
    expectError(await call(REMOVE, { method: "DELETE", path: installationPath("99999999"), params: { uuid: me, installation_id: "99999999" }, cookie: owner.cookie }), 404, { type: "invalid_request", code: "not_found" });
    expectError(await call(REMOVE, { method: "DELETE", path: installationPath("abc"), params: { uuid: me, installation_id: "abc" }, cookie: owner.cookie }), 400, { type: "validation_error", code: "invalid_input", attr: "installation_id" });
    github.state.clearRequests();
    expect((await call(REMOVE, { method: "DELETE", path: installationPath(owner.installationId), params: { uuid: me, installation_id: owner.installationId }, cookie: owner.cookie })).status).toBe(204);
    expect(github.state.requests.some((request) => request.method === "DELETE" && request.path.endsWith(`/applications/${github.clientId}/token`))).toBe(true);
    expect(await db().gitHubIntegration.count({ where: { userId: owner.user.id } })).toBe(0);
    expect(await db().gitHubIntegration.count({ where: { userId: other.user.id } })).toBe(1);
    expect(await db().activityEntry.findMany({ where: { userId: owner.user.id }, orderBy: { id: "asc" }, select: { kind: true, details: true } })).toEqual([
      { kind: "github_connected", details: expect.anything() },
      { kind: "github_removed", details: { account: "octocat", installation_id: owner.installationId } },
    ]);
    expect(await db().activityEntry.count({ where: { userId: elsewhere.user.id, kind: "github_removed" } })).toBe(0);
    expectError(await call(REMOVE, { method: "DELETE", path: installationPath(owner.installationId), params: { uuid: me, installation_id: owner.installationId }, cookie: owner.cookie }), 404, { type: "invalid_request", code: "not_found" });
  });

  it("anonymous is 401; another user's uuid is a 403 even for staff; a user:read key lists but may not remove", async () => {
    const { user, cookie, installationId } = await connected("octocat");
    expectError(await call(LIST, { path: base, params: { uuid: me } }), 401, { type: "authentication_error", code: "not_authenticated" });
    const staff = await sessionCookie(await createTestUser({ staff: true }));
    expectError(await call(LIST, { path: `/api/users/${user.uuid}/integrations`, params: { uuid: user.uuid }, cookie: staff }), 403, { type: "authentication_error", code: "permission_denied" });
    expectError(
      await call(REMOVE, { method: "DELETE", path: `/api/users/${user.uuid}/integrations/github/${installationId}`, params: { uuid: user.uuid, installation_id: installationId }, cookie: staff }),
      403,
      { type: "authentication_error", code: "permission_denied" },
    );
    const readKey = bearer((await createKeyFor(user, ["user:read"], { cookie })).value);
    expect((await call(LIST, { path: base, params: { uuid: me }, headers: readKey })).body.count).toBe(1);
    expectError(await call(REMOVE, { method: "DELETE", path: installationPath(installationId), params: { uuid: me, installation_id: installationId }, headers: readKey }), 403, { type: "authentication_error", code: "permission_denied" });
    expectError(await call(START, { method: "POST", path: `${base}/github/start`, params: { uuid: me }, headers: readKey }), 401, { type: "authentication_error", code: "not_authenticated" });
    expect(await db().gitHubIntegration.count({ where: { userId: user.id } })).toBe(1);
  });
});
