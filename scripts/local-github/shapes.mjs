// Response bodies in GitHub's REST shapes. Field sets follow responses recorded from api.github.com in
// octokit/fixtures (scenarios/api.github.com/get-repository, paginate-issues, errors) and the examples in
// github/rest-api-description for apps, installations, branches and installation tokens.
// URLs use the GitHub Enterprise Server layout: pages at `web`, the API at `${web}/api/v3`.
import { createHash } from "node:crypto";

/** @typedef {{ web: string, api: string }} Urls */

const CREATED_AT = "2024-01-15T09:30:00Z";

/** GitHub's legacy node ids: base64 of "0<type length>:<Type><id>", e.g. "04:User1", "010:Repository1". */
export function nodeId(type, id) {
  return Buffer.from(`0${type.length}:${type}${id}`).toString("base64");
}

export function avatarUrl(urls, id) {
  return `${urls.web}/avatars/u/${id}?v=4`;
}

/** A user or organization as GitHub embeds it (owner, account, sender): the "simple user". */
export function simpleUser(urls, account) {
  const api = `${urls.api}/users/${account.login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type, account.id),
    avatar_url: avatarUrl(urls, account.id),
    gravatar_id: "",
    url: api,
    html_url: `${urls.web}/${account.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: account.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** `GET /user` for a user-to-server token: the simple user plus the public profile. */
export function authenticatedUser(urls, user) {
  return {
    ...simpleUser(urls, user),
    name: user.name ?? null,
    company: null,
    blog: "",
    location: null,
    email: user.email ?? null,
    hireable: null,
    bio: null,
    twitter_username: null,
    notification_email: user.email ?? null,
    public_repos: user.publicRepos ?? 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
  };
}

export function app(urls, { id, slug, name, clientId, owner }) {
  return {
    id,
    slug,
    node_id: nodeId("Integration", id),
    client_id: clientId,
    owner: simpleUser(urls, owner),
    name,
    description: "A local stand-in for the Accounts GitHub App.",
    external_url: "http://localhost:3000",
    html_url: `${urls.web}/apps/${slug}`,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
    permissions: { contents: "read", metadata: "read" },
    events: [],
    installations_count: 0,
  };
}

export function installation(urls, { installation, account, app: { id: appId, slug: appSlug, clientId } }) {
  const settings =
    account.type === "Organization"
      ? `${urls.web}/organizations/${account.login}/settings/installations/${installation.id}`
      : `${urls.web}/settings/installations/${installation.id}`;
  return {
    id: installation.id,
    client_id: clientId,
    account: simpleUser(urls, account),
    repository_selection: installation.repositorySelection,
    access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: settings,
    app_id: appId,
    app_slug: appSlug,
    target_id: account.id,
    target_type: account.type,
    permissions: { contents: "read", metadata: "read" },
    events: [],
    created_at: installation.createdAt,
    updated_at: installation.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

/** The full repository, as `GET /repos/{owner}/{repo}` and the installation listings return it. */
export function repository(urls, { repository: repo, owner, permissions }) {
  const fullName = `${owner.login}/${repo.name}`;
  const api = `${urls.api}/repos/${fullName}`;
  const html = `${urls.web}/${fullName}`;
  const host = new URL(urls.web).host;
  return {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner: simpleUser(urls, owner),
    html_url: html,
    description: repo.description ?? null,
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
    pushed_at: CREATED_AT,
    git_url: `git://${host}/${fullName}.git`,
    ssh_url: `git@${host}:${fullName}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: 0,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? "private" : "public",
    forks: 0,
    open_issues: 0,
    watchers: 0,
    default_branch: repo.defaultBranch,
    permissions,
  };
}

/** A stable fake commit sha per branch, so repeated listings agree. */
export function branchSha(fullName, branch) {
  return createHash("sha1").update(`${fullName}@${branch}`).digest("hex");
}

export function branch(urls, fullName, name) {
  const sha = branchSha(fullName, name);
  return {
    name,
    commit: { sha, url: `${urls.api}/repos/${fullName}/commits/${sha}` },
    protected: false,
  };
}

export function installationToken({ token, expiresAt, repositorySelection }) {
  return {
    token,
    expires_at: expiresAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    permissions: { contents: "read", metadata: "read" },
    repository_selection: repositorySelection,
  };
}

export function userTokenGrant({ accessToken, refreshToken }) {
  return {
    access_token: accessToken,
    expires_in: 28_800,
    refresh_token: refreshToken,
    refresh_token_expires_in: 15_724_800,
    token_type: "bearer",
    scope: "",
  };
}

export const DOCS = {
  rest: "https://docs.github.com/rest",
  rateLimit: "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting",
  oauthErrors: "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors",
};

export function error(message, documentationUrl = DOCS.rest) {
  return { message, documentation_url: documentationUrl };
}

/** The OAuth endpoint reports failures in a 200 body, not with an HTTP status. */
export function oauthError(code, description) {
  return { error: code, error_description: description, error_uri: `${DOCS.oauthErrors}#${code.replaceAll("_", "-")}` };
}
