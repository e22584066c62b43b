import { spawn } from "node:child_process";
import { createSign, generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LOCAL_GITHUB_SERVER as SERVER, type Installation, type LocalGitHub, type Repository, type State } from "../support/local-github";

const CALLBACK = "http://localhost:3000/api/integrations/github/callback";

let github: LocalGitHub;

beforeAll(async () => {
  const { startLocalGitHub } = (await import(SERVER)) as {
    startLocalGitHub(options: Record<string, unknown>): Promise<LocalGitHub>;
  };
  github = await startLocalGitHub({ callbackUrl: CALLBACK });
});
afterAll(() => github.close());
beforeEach(() => github.state.reset());

const now = () => Math.floor(Date.now() / 1000);

function jwt(claims: Record<string, unknown>, { key = github.privateKeyPem, alg = "RS256" } = {}): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const data = `${encode({ alg, typ: "JWT" })}.${encode(claims)}`;
  return `${data}.${createSign("RSA-SHA256").update(data).sign(key).toString("base64url")}`;
}

/** What Octokit's app auth signs: iat 30 s in the past, exp 10 minutes after iat. */
const appJwt = () => jwt({ iat: now() - 30, exp: now() + 570, iss: github.appId });

function api(pathAndQuery: string, token?: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  headers.set("accept", "application/vnd.github+json");
  return fetch(`${github.apiUrl}${pathAndQuery}`, { ...init, headers });
}

function links(response: Response): Record<string, string> {
  const header = response.headers.get("link") ?? "";
  return Object.fromEntries([...header.matchAll(/<([^>]+)>; rel="(\w+)"/g)].map((m) => [m[2], m[1]]));
}

function exchange(params: Record<string, string>, accept = "application/json"): Promise<Response> {
  return fetch(`${github.webUrl}/login/oauth/access_token`, {
    method: "POST",
    headers: { accept, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params),
  });
}

function confirm(params: Record<string, string>): Promise<Response> {
  return fetch(`${github.webUrl}/apps/${github.appSlug}/installations/new/confirm`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params),
    redirect: "manual",
  });
}

async function installCode(account = "octocat"): Promise<string> {
  const location = new URL((await confirm({ account, state: "s" })).headers.get("location")!);
  return location.searchParams.get("code")!;
}

async function userToken(login = "octocat"): Promise<string> {
  return github.state.issueUserToken(login).access_token;
}

async function installationToken(installationId: number): Promise<string> {
  const response = await api(`/app/installations/${installationId}/access_tokens`, appJwt(), { method: "POST" });
  return ((await response.json()) as { token: string }).token;
}

async function installationOf(login: string): Promise<Installation> {
  const response = await api("/user/installations", await userToken("octocat"));
  const { installations } = (await response.json()) as { installations: Installation[] };
  return installations.find((i) => i.account.login === login)!;
}

describe("startLocalGitHub", () => {
  it("listens on loopback with the GHES layout and hands out the app's configuration", () => {
    expect(github.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(github.apiUrl).toBe(`${github.webUrl}/api/v3`);
    expect(github).toMatchObject({ appId: 1001, appSlug: "accounts-local", clientId: "Iv1.localgithub" });
    expect(github.clientSecret).toMatch(/^[0-9a-f]{40}$/);
    expect(github.privateKeyPem).toContain("-----BEGIN RSA PRIVATE KEY-----");
  });
});

describe("the installation page", () => {
  it("offers the signed-in user's own account and their organizations, not other users'", async () => {
    const response = await fetch(`${github.webUrl}/apps/accounts-local/installations/new?state=abc`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain("<h1>Install Accounts Local on</h1>");
    expect(html).toContain(">Install on octocat</button>");
    expect(html).toContain(">Install on hedgehog-inc</button>");
    expect(html).toContain(">Cancel</button>");
    expect(html).not.toContain("other-dev");
    expect(html).toContain('name="state" value="abc"');
  });

  it("acts as whoever setSignedInUser names", async () => {
    github.state.setSignedInUser("other-dev");
    const html = await (await fetch(`${github.webUrl}/apps/accounts-local/installations/new`)).text();
    expect(html).toContain(">Install on other-dev</button>");
    expect(html).not.toContain("hedgehog-inc");
  });

  it("sends the browser back with a code, the existing installation and the state", async () => {
    const org = await installationOf("hedgehog-inc");
    const response = await confirm({ account: "hedgehog-inc", state: "xyz" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get("code")).toMatch(/^[0-9a-f]{20}$/);
    expect(location.searchParams.get("installation_id")).toBe(String(org.id));
    expect(location.searchParams.get("setup_action")).toBe("update");
    expect(location.searchParams.get("state")).toBe("xyz");
  });

  it("creates an installation for an account that had none (setup_action=install)", async () => {
    github.state.addUser({ login: "newcomer" });
    github.state.setSignedInUser("newcomer");
    const location = new URL((await confirm({ account: "newcomer", state: "s" })).headers.get("location")!);
    expect(location.searchParams.get("setup_action")).toBe("install");
    const response = await api("/user/installations", await userToken("newcomer"));
    const body = (await response.json()) as { installations: Installation[] };
    expect(body.installations.map((i) => String(i.id))).toEqual([location.searchParams.get("installation_id")]);
  });

  it("answers a cancel with error=access_denied and the state", async () => {
    const location = new URL((await confirm({ cancel: "1", state: "xyz" })).headers.get("location")!);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("xyz");
    expect(location.searchParams.has("code")).toBe(false);
  });

  it("takes a redirect_uri only on loopback", async () => {
    const loopback = await confirm({ account: "octocat", redirect_uri: "http://127.0.0.1:4000/cb" });
    expect(loopback.headers.get("location")).toMatch(/^http:\/\/127\.0\.0\.1:4000\/cb\?code=/);
    const foreign = await confirm({ account: "octocat", redirect_uri: "https://evil.example/cb" });
    expect(foreign.status).toBe(400);
  });

  it("refuses an account the signed-in user cannot reach", async () => {
    expect((await confirm({ account: "other-dev" })).status).toBe(400);
  });

  it("also works as a link (GET)", async () => {
    const response = await fetch(
      `${github.webUrl}/apps/accounts-local/installations/new/confirm?account=octocat&state=q`,
      { redirect: "manual" },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("state=q");
  });
});

describe("POST /login/oauth/access_token", () => {
  const credentials = () => ({ client_id: github.clientId, client_secret: github.clientSecret });

  it("exchanges a code for a user token, once", async () => {
    const code = await installCode();
    const first = await exchange({ ...credentials(), code });
    expect(first.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const grant = (await first.json()) as Record<string, unknown>;
    expect(grant).toEqual({
      access_token: expect.stringMatching(/^ghu_[A-Za-z0-9]{36}$/),
      expires_in: 28800,
      refresh_token: expect.stringMatching(/^ghr_[A-Za-z0-9]{36}$/),
      refresh_token_expires_in: 15724800,
      token_type: "bearer",
      scope: "",
    });
    const user = await api("/user", grant.access_token as string);
    expect(((await user.json()) as { login: string }).login).toBe("octocat");

    const again = await exchange({ ...credentials(), code });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      error: "bad_verification_code",
      error_description: "The code passed is incorrect or expired.",
      error_uri: expect.stringContaining("docs.github.com"),
    });
  });

  it("refuses unknown codes, and codes older than 10 minutes", async () => {
    const unknown = await exchange({ ...credentials(), code: "0123456789abcdef0123" });
    expect(((await unknown.json()) as { error: string }).error).toBe("bad_verification_code");
    const code = await installCode();
    github.state.advanceClock(601);
    const late = await exchange({ ...credentials(), code });
    expect(((await late.json()) as { error: string }).error).toBe("bad_verification_code");
  });

  it("refuses a wrong client secret as GitHub does, without spending the code", async () => {
    const code = await installCode();
    const wrong = await exchange({ client_id: github.clientId, client_secret: "nope", code });
    expect(await wrong.json()).toMatchObject({ error: "incorrect_client_credentials" });
    const right = await exchange({ ...credentials(), code });
    expect(await right.json()).toHaveProperty("access_token");
  });

  it("answers form-encoded unless JSON is asked for, and reads JSON bodies", async () => {
    const form = await exchange({ ...credentials(), code: await installCode() }, "*/*");
    expect(form.headers.get("content-type")).toContain("application/x-www-form-urlencoded");
    expect(new URLSearchParams(await form.text()).get("access_token")).toMatch(/^ghu_/);

    const json = await fetch(`${github.webUrl}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({ ...credentials(), code: await installCode() }),
    });
    expect(await json.json()).toHaveProperty("token_type", "bearer");
  });

  it("refreshes with a single-use refresh token", async () => {
    const { refresh_token } = github.state.issueUserToken("octocat");
    const refreshed = await exchange({ ...credentials(), grant_type: "refresh_token", refresh_token });
    const grant = (await refreshed.json()) as { access_token: string };
    expect((await api("/user", grant.access_token)).status).toBe(200);
    const reused = await exchange({ ...credentials(), grant_type: "refresh_token", refresh_token });
    expect(await reused.json()).toMatchObject({ error: "bad_refresh_token" });
  });
});

describe("user-token routes", () => {
  it("GET /user takes Bearer and token schemes", async () => {
    const token = await userToken();
    const bearer = await api("/user", token);
    expect(bearer.status).toBe(200);
    const user = (await bearer.json()) as Record<string, unknown>;
    expect(user).toMatchObject({ login: "octocat", type: "User", site_admin: false, name: "The Octocat" });
    expect(user.id).toEqual(expect.any(Number));
    expect(user.node_id).toEqual(expect.any(String));
    expect(user.avatar_url).toEqual(expect.stringContaining(github.webUrl));
    expect(user.html_url).toBe(`${github.webUrl}/octocat`);
    const tokenScheme = await fetch(`${github.apiUrl}/user`, { headers: { authorization: `token ${token}` } });
    expect(tokenScheme.status).toBe(200);
  });

  it("answers 401 Bad credentials for missing, unknown and expired tokens", async () => {
    const token = await userToken();
    github.state.advanceClock(8 * 3600 + 1);
    for (const response of [await api("/user"), await api("/user", "ghu_unknown"), await api("/user", token)]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "Bad credentials", documentation_url: "https://docs.github.com/rest" });
    }
  });

  it("refuses installation tokens on /user", async () => {
    const org = await installationOf("hedgehog-inc");
    const response = await api("/user", await installationToken(org.id));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ message: "Resource not accessible by integration" });
  });

  it("GET /user/installations lists only the installations the user can access", async () => {
    const octocat = await api("/user/installations", await userToken("octocat"));
    const body = (await octocat.json()) as { total_count: number; installations: Installation[] };
    expect(body.total_count).toBe(2);
    expect(body.installations.map((i) => [i.account.login, i.account.type])).toEqual([
      ["octocat", "User"],
      ["hedgehog-inc", "Organization"],
    ]);
    expect(body.installations[1]).toMatchObject({ app_id: 1001, app_slug: "accounts-local", target_type: "Organization" });
    const other = await api("/user/installations", await userToken("other-dev"));
    const otherBody = (await other.json()) as { installations: Installation[] };
    expect(otherBody.installations.map((i) => i.account.login)).toEqual(["other-dev"]);
  });

  it("paginates /user/installations with GitHub's Link header", async () => {
    const token = await userToken();
    const first = await api("/user/installations?per_page=1", token);
    expect(links(first)).toEqual({
      next: `${github.apiUrl}/user/installations?per_page=1&page=2`,
      last: `${github.apiUrl}/user/installations?per_page=1&page=2`,
    });
    const second = await api("/user/installations?per_page=1&page=2", token);
    expect(links(second)).toEqual({
      prev: `${github.apiUrl}/user/installations?per_page=1&page=1`,
      first: `${github.apiUrl}/user/installations?per_page=1&page=1`,
    });
    expect(((await second.json()) as { total_count: number; installations: unknown[] }).installations).toHaveLength(1);
  });

  it("GET /user/installations/{id}/repositories is 404 for an installation the user cannot access", async () => {
    github.state.setSignedInUser("other-dev");
    const location = new URL((await confirm({ account: "other-dev" })).headers.get("location")!);
    const othersId = location.searchParams.get("installation_id");
    const response = await api(`/user/installations/${othersId}/repositories`, await userToken("octocat"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: "Not Found", documentation_url: "https://docs.github.com/rest" });
    expect((await api("/user/installations/999/repositories", await userToken())).status).toBe(404);
  });

  it("GET /user/installations/{id}/repositories pages through 250 repositories, 100 at a time", async () => {
    const org = await installationOf("hedgehog-inc");
    const token = await userToken();
    const names: string[] = [];
    let next: string | undefined = `${github.apiUrl}/user/installations/${org.id}/repositories?per_page=100`;
    let pages = 0;
    while (next) {
      const response: Response = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { total_count: number; repository_selection: string; repositories: Repository[] };
      expect(body.total_count).toBe(250);
      expect(body.repository_selection).toBe("all");
      names.push(...body.repositories.map((r) => r.full_name));
      next = links(response).next;
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(names).size).toBe(250);
    expect(names[0]).toBe("hedgehog-inc/repo-001");
  });
});

describe("app JWT routes", () => {
  async function jwtMessage(token: string | undefined): Promise<[number, unknown]> {
    const response = await api("/app", token);
    return [response.status, ((await response.json()) as { message: string }).message];
  }

  it("GET /app answers a valid JWT with the app", async () => {
    const response = await api("/app", appJwt());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: 1001,
      slug: "accounts-local",
      client_id: "Iv1.localgithub",
      name: "Accounts Local",
      owner: { type: "Organization" },
    });
  });

  it("accepts iss as a string and iat up to 60 s ahead", async () => {
    const token = jwt({ iat: now() + 50, exp: now() + 590, iss: String(github.appId) });
    expect((await api("/app", token)).status).toBe(200);
  });

  const UNDECODABLE = "A JSON web token could not be decoded";
  const BAD_EXP =
    "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
  const EXP_TOO_FAR = "'Expiration time' claim ('exp') is too far in the future";
  const BAD_IAT = "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
  const claims = (overrides: Record<string, unknown> = {}) => ({ iat: now() - 30, exp: now() + 570, iss: 1001, ...overrides });
  const otherKey = () =>
    generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }) as string;

  it.each<[string, () => string | undefined, string]>([
    ["no token", () => undefined, UNDECODABLE],
    ["a garbage token", () => "not.a.jwt", UNDECODABLE],
    ["a user token", () => "ghu_abc", UNDECODABLE],
    ["another key's signature", () => jwt(claims(), { key: otherKey() }), UNDECODABLE],
    ["another app's iss", () => jwt(claims({ iss: 42 })), UNDECODABLE],
    ["alg other than RS256", () => jwt(claims(), { alg: "HS256" }), UNDECODABLE],
    ["exp over 10 minutes after iat", () => jwt(claims({ iat: now(), exp: now() + 601 })), EXP_TOO_FAR],
    ["an expired JWT", () => jwt(claims({ iat: now() - 700, exp: now() - 100 })), BAD_EXP],
    ["a missing exp", () => jwt(claims({ exp: undefined })), BAD_EXP],
    ["iat more than 60 s ahead", () => jwt(claims({ iat: now() + 120, exp: now() + 300 })), BAD_IAT],
    ["a fractional iat", () => jwt(claims({ iat: now() - 0.5 })), BAD_IAT],
  ])("answers 401 for %s", async (_label, token, message) => {
    expect(await jwtMessage(token())).toEqual([401, message]);
  });

  it("GET /app/installations/{id} returns the installation, 404 for an unknown one", async () => {
    const org = await installationOf("hedgehog-inc");
    const response = await api(`/app/installations/${org.id}`, appJwt());
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: org.id,
      account: { login: "hedgehog-inc", type: "Organization" },
      repository_selection: "all",
      access_tokens_url: `${github.apiUrl}/app/installations/${org.id}/access_tokens`,
      html_url: `${github.webUrl}/organizations/hedgehog-inc/settings/installations/${org.id}`,
      permissions: { contents: "read", metadata: "read" },
    });
    expect((await api("/app/installations/1", appJwt())).status).toBe(404);
    expect((await api(`/app/installations/${org.id}`, "ghu_nope")).status).toBe(401);
  });

  it("POST /app/installations/{id}/access_tokens mints an hour-long installation token", async () => {
    const org = await installationOf("hedgehog-inc");
    const response = await api(`/app/installations/${org.id}/access_tokens`, appJwt(), { method: "POST" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { token: string; expires_at: string };
    expect(body).toMatchObject({
      token: expect.stringMatching(/^ghs_[A-Za-z0-9]{36}$/),
      permissions: { contents: "read", metadata: "read" },
      repository_selection: "all",
    });
    expect(body.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(Date.parse(body.expires_at) - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect((await api("/app/installations/1/access_tokens", appJwt(), { method: "POST" })).status).toBe(404);
    expect((await api(`/app/installations/${org.id}/access_tokens`, undefined, { method: "POST" })).status).toBe(401);
  });
});

describe("installation-token routes", () => {
  it("GET /installation/repositories follows Link headers across all 250 repositories", async () => {
    const token = await installationToken((await installationOf("hedgehog-inc")).id);
    const names: string[] = [];
    let next: string | undefined = `${github.apiUrl}/installation/repositories`;
    let pages = 0;
    while (next) {
      const response: Response = await fetch(next, { headers: { authorization: `token ${token}` } });
      const body = (await response.json()) as { total_count: number; repositories: Repository[] };
      expect(body.total_count).toBe(250);
      names.push(...body.repositories.map((r) => r.name));
      if (pages === 0) {
        expect(links(response)).toEqual({
          next: `${github.apiUrl}/installation/repositories?per_page=30&page=2`,
          last: `${github.apiUrl}/installation/repositories?per_page=30&page=9`,
        });
      }
      next = links(response).next;
      pages++;
    }
    expect(pages).toBe(9);
    expect(new Set(names).size).toBe(250);
  });

  it("caps per_page at 100 and answers an empty page past the end", async () => {
    const token = await installationToken((await installationOf("hedgehog-inc")).id);
    const big = (await (await api("/installation/repositories?per_page=500", token)).json()) as { repositories: unknown[] };
    expect(big.repositories).toHaveLength(100);
    const past = await api("/installation/repositories?per_page=100&page=4", token);
    expect(((await past.json()) as { repositories: unknown[] }).repositories).toEqual([]);
    expect(links(past)).toMatchObject({ prev: expect.stringContaining("page=3"), first: expect.stringContaining("page=1") });
  });

  it("lists only its own installation's repositories, with GitHub's repository shape", async () => {
    const own = await installationOf("octocat");
    const token = await installationToken(own.id);
    const body = (await (await api("/installation/repositories", token)).json()) as {
      total_count: number;
      repository_selection: string;
      repositories: Record<string, unknown>[];
    };
    expect(body.total_count).toBe(3);
    expect(body.repositories.map((r) => r.full_name)).toEqual(["octocat/hello-world", "octocat/dotfiles", "octocat/spoon-knife"]);
    expect(body.repositories[0]).toMatchObject({
      name: "hello-world",
      private: true,
      owner: { login: "octocat", type: "User" },
      html_url: `${github.webUrl}/octocat/hello-world`,
      url: `${github.apiUrl}/repos/octocat/hello-world`,
      default_branch: "main",
      visibility: "private",
      permissions: { pull: true, push: false, admin: false },
    });
    expect(links(await api("/installation/repositories", token))).toEqual({});
  });

  it("refuses user tokens and bad tokens", async () => {
    expect((await api("/installation/repositories", await userToken())).status).toBe(403);
    expect((await api("/installation/repositories", "ghs_unknown")).status).toBe(401);
  });

  it("expires installation tokens after an hour", async () => {
    const token = await installationToken((await installationOf("octocat")).id);
    github.state.advanceClock(3601);
    expect((await api("/installation/repositories", token)).status).toBe(401);
  });

  it("GET /repos/{owner}/{repo} answers covered repositories and 404 for the rest", async () => {
    const token = await installationToken((await installationOf("octocat")).id);
    const response = await api("/repos/octocat/hello-world", token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ full_name: "octocat/hello-world", default_branch: "main" });
    expect((await api("/repos/OctoCat/Hello-World", token)).status).toBe(200);
    expect((await api("/repos/hedgehog-inc/repo-001", token)).status).toBe(404);
    expect((await api("/repos/other-dev/secret-project", token)).status).toBe(404);
    expect((await api("/repos/octocat/nope", token)).status).toBe(404);
    expect((await api("/repos/octocat/hello-world", "ghs_unknown")).status).toBe(401);
  });

  it("GET /repos/{owner}/{repo} with a user token covers what the user reaches through installations", async () => {
    const token = await userToken("octocat");
    expect((await api("/repos/hedgehog-inc/repo-250", token)).status).toBe(200);
    expect((await api("/repos/other-dev/secret-project", token)).status).toBe(404);
  });

  it("GET /repos/{owner}/{repo}/branches lists branches, paginated", async () => {
    const token = await installationToken((await installationOf("hedgehog-inc")).id);
    const response = await api("/repos/hedgehog-inc/repo-007/branches", token);
    const branches = (await response.json()) as { name: string; commit: { sha: string; url: string }; protected: boolean }[];
    expect(branches.map((b) => b.name)).toEqual(["main", "develop", "feature/onboarding"]);
    expect(branches[0]).toEqual({
      name: "main",
      commit: { sha: expect.stringMatching(/^[0-9a-f]{40}$/), url: expect.stringContaining("/repos/hedgehog-inc/repo-007/commits/") },
      protected: false,
    });

    github.state.setBranches("hedgehog-inc/repo-007", Array.from({ length: 150 }, (_, i) => `b${i}`));
    const page = await api("/repos/hedgehog-inc/repo-007/branches?per_page=100&page=2", token);
    expect(((await page.json()) as unknown[]).length).toBe(50);
    expect(links(page)).toMatchObject({ prev: expect.stringContaining("page=1") });
    const repo = (await (await api("/repos/hedgehog-inc/repo-007", token)).json()) as Repository;
    expect(repo.default_branch).toBe("b0");
    expect((await api("/repos/octocat/hello-world/branches", token)).status).toBe(404);
  });
});

describe("DELETE /applications/{client_id}/token", () => {
  function revoke(accessToken: unknown, basic = `${github.clientId}:${github.clientSecret}`, clientId = github.clientId) {
    return fetch(`${github.apiUrl}/applications/${clientId}/token`, {
      method: "DELETE",
      headers: { authorization: `Basic ${Buffer.from(basic).toString("base64")}`, "content-type": "application/json" },
      body: JSON.stringify({ access_token: accessToken }),
    });
  }

  it("revokes a user token: 204, then the token is Bad credentials", async () => {
    const token = await userToken();
    const response = await revoke(token);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect((await api("/user", token)).status).toBe(401);
    expect((await revoke(token)).status).toBe(404);
  });

  it("needs the app's client credentials and an access_token", async () => {
    const token = await userToken();
    expect((await revoke(token, `${github.clientId}:wrong`)).status).toBe(401);
    expect((await revoke(token, `${github.clientId}:${github.clientSecret}`, "Iv1.other")).status).toBe(404);
    expect((await revoke(undefined)).status).toBe(422);
    expect((await api("/user", token)).status).toBe(200);
  });
});

describe("headers", () => {
  it("carries GitHub's content type, request id and rate-limit headers", async () => {
    const response = await api("/user", await userToken());
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("x-github-request-id")).toMatch(/^[0-9A-F:]+$/);
    expect(response.headers.get("x-ratelimit-limit")).toBe("5000");
    expect(response.headers.get("x-ratelimit-resource")).toBe("core");
    expect(Number(response.headers.get("x-ratelimit-used"))).toBeGreaterThanOrEqual(1);
    expect(Number(response.headers.get("x-ratelimit-remaining"))).toBe(5000 - Number(response.headers.get("x-ratelimit-used")));
    expect(Number(response.headers.get("x-ratelimit-reset"))).toBeGreaterThan(now());
  });

  it("answers unknown API paths with GitHub's 404 and bad JSON with 400", async () => {
    const missing = await api("/nope", await userToken());
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ message: "Not Found" });
    const badJson = await fetch(`${github.apiUrl}/applications/${github.clientId}/token`, {
      method: "DELETE",
      headers: { authorization: `Basic ${Buffer.from(`${github.clientId}:${github.clientSecret}`).toString("base64")}` },
      body: "{",
    });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ message: "Problems parsing JSON" });
  });
});

describe("failure modes", () => {
  it('"down" answers API and OAuth requests with 503 until cleared', async () => {
    const token = await userToken();
    github.state.setFailure("down");
    const response = await api("/user", token);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: "Service Unavailable" });
    expect((await exchange({ client_id: github.clientId, client_secret: github.clientSecret, code: "x" })).status).toBe(503);
    github.state.setFailure(null);
    expect((await api("/user", token)).status).toBe(200);
  });

  it('"unreachable" closes connections', async () => {
    github.state.setFailure("unreachable");
    await expect(api("/user", await userToken())).rejects.toThrow();
  });

  it('"rate_limited" answers 403 with remaining 0 and a reset a minute out', async () => {
    const org = await installationOf("hedgehog-inc");
    const token = await installationToken(org.id);
    github.state.setFailure("rate_limited");
    const response = await api("/installation/repositories", token);
    expect(response.status).toBe(403);
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
    const reset = Number(response.headers.get("x-ratelimit-reset"));
    expect(reset).toBeGreaterThanOrEqual(now() + 59);
    expect(reset).toBeLessThanOrEqual(now() + 61);
    expect(await response.json()).toEqual({
      message: `API rate limit exceeded for installation ID ${org.id}.`,
      documentation_url: "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting",
    });
  });

  it("rejects unknown failure modes", () => {
    expect(() => github.state.setFailure("flaky" as never)).toThrow(/Unknown failure mode/);
  });
});

describe("state", () => {
  it("adds and removes repositories, visible to installation tokens", async () => {
    const own = await installationOf("octocat");
    const token = await installationToken(own.id);
    const added = github.state.addRepository(own.id, "new-thing", { branches: ["trunk", "dev"], defaultBranch: "trunk" });
    expect(added).toMatchObject({ full_name: "octocat/new-thing", default_branch: "trunk" });
    expect((await api("/repos/octocat/new-thing", token)).status).toBe(200);
    github.state.removeRepository(own.id, "new-thing");
    expect((await api("/repos/octocat/new-thing", token)).status).toBe(404);
    github.state.removeRepository("octocat/dotfiles");
    const body = (await (await api("/installation/repositories", token)).json()) as { total_count: number };
    expect(body.total_count).toBe(2);
  });

  it("adds installations with selected repositories for named users", async () => {
    const installation = github.state.addInstallation({
      account: { login: "acme", type: "Organization" },
      users: ["octocat"],
      repositories: ["api", "web"],
      repositorySelection: "selected",
    });
    expect(installation).toMatchObject({ id: expect.any(Number), repository_selection: "selected", target_type: "Organization" });
    const response = await api(`/user/installations/${installation.id}/repositories`, await userToken());
    const body = (await response.json()) as { repository_selection: string; repositories: Repository[] };
    expect(body.repository_selection).toBe("selected");
    expect(body.repositories.map((r) => r.full_name)).toEqual(["acme/api", "acme/web"]);
    expect((await api(`/user/installations/${installation.id}/repositories`, await userToken("other-dev"))).status).toBe(404);
  });

  it("logs requests with their auth kind", async () => {
    const token = await userToken();
    github.state.clearRequests();
    await api("/user", token);
    await api("/installation/repositories?page=2", "ghs_x");
    expect(github.state.requests).toEqual([
      { method: "GET", path: "/api/v3/user", query: "", auth: "user" },
      { method: "GET", path: "/api/v3/installation/repositories", query: "?page=2", auth: "installation" },
    ]);
  });

  it("reset forgets tokens, additions and failures", async () => {
    const token = await userToken();
    github.state.addUser({ login: "temp" });
    github.state.setFailure("down");
    github.state.reset();
    expect((await api("/user", token)).status).toBe(401);
    expect(() => github.state.setSignedInUser("temp")).toThrow(/Unknown user/);
    expect(github.state.requests).toHaveLength(1);
  });
});

describe("control over HTTP", () => {
  function control(action: string, body: unknown = {}): Promise<Response> {
    return fetch(`${github.webUrl}/_control/${action}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  it("maps POST /_control/{action} onto the state methods", async () => {
    const own = await installationOf("octocat");
    const added = await control("addRepository", { installationId: own.id, name: "via-http", branches: ["main"] });
    expect(added.status).toBe(200);
    expect(await added.json()).toMatchObject({ full_name: "octocat/via-http" });
    const token = await installationToken(own.id);
    expect((await api("/repos/octocat/via-http", token)).status).toBe(200);

    expect((await control("setFailure", { mode: "down" })).status).toBe(200);
    expect((await api("/repos/octocat/via-http", token)).status).toBe(503);
    expect((await control("reset")).status).toBe(200);
    expect((await api("/user", await userToken())).status).toBe(200);
  });

  it("serves the request log and refuses unknown actions and bad arguments", async () => {
    await api("/user");
    const log = (await (await fetch(`${github.webUrl}/_control/requests`)).json()) as { path: string }[];
    expect(log.map((r) => r.path)).toEqual(["/api/v3/user"]);
    expect((await control("launchMissiles")).status).toBe(404);
    const bad = await control("setSignedInUser", { login: "nobody" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: "Unknown user: nobody" });
  });
});

describe("running as a script", () => {
  function run(args: string[]): Promise<{ env: Record<string, string>; stop: () => Promise<number | null> }> {
    const child = spawn(process.execPath, [SERVER, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    return new Promise((resolve, reject) => {
      let output = "";
      child.once("error", reject);
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (!output.includes("GITHUB_APP_PRIVATE_KEY=")) return;
        const env = Object.fromEntries(
          output.trim().split("\n").map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
        );
        const stop = () =>
          new Promise<number | null>((done) => {
            child.once("exit", (code) => done(code));
            child.kill("SIGTERM");
          });
        resolve({ env, stop });
      });
    });
  }

  it("prints the env lines, keeps its key file and secret across restarts, and stops on SIGTERM", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "local-github-"));
    const keyFile = path.join(dir, "app.pem");
    const args = ["--port", "0", "--callback-url", CALLBACK, "--private-key-file", keyFile, "--client-secret", "s3cret"];
    try {
      const first = await run(args);
      expect(Object.keys(first.env)).toEqual([
        "GITHUB_WEB_URL",
        "GITHUB_API_URL",
        "GITHUB_APP_ID",
        "GITHUB_APP_SLUG",
        "GITHUB_APP_CLIENT_ID",
        "GITHUB_APP_CLIENT_SECRET",
        "GITHUB_APP_PRIVATE_KEY",
      ]);
      expect(first.env.GITHUB_API_URL).toBe(`${first.env.GITHUB_WEB_URL}/api/v3`);
      expect(first.env.GITHUB_APP_CLIENT_SECRET).toBe("s3cret");
      const pem = JSON.parse(first.env.GITHUB_APP_PRIVATE_KEY!) as string;
      expect(pem.trim()).toBe(readFileSync(keyFile, "utf8").trim());
      const page = await fetch(`${first.env.GITHUB_WEB_URL}/apps/accounts-local/installations/new`);
      expect(page.status).toBe(200);
      expect(await first.stop()).toBe(0);

      const second = await run(args);
      expect(second.env.GITHUB_APP_PRIVATE_KEY).toBe(first.env.GITHUB_APP_PRIVATE_KEY);
      expect(await second.stop()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
