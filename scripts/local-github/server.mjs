// A small GitHub on loopback for tests and the demo: the web install flow, the OAuth code exchange and the
// REST calls the app makes through Octokit, with GitHub's paths, auth rules, error bodies and headers.
// Layout is GitHub Enterprise Server's: pages at http://host:port, the API under /api/v3.
import { createPublicKey, generateKeyPairSync, randomBytes, verify } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import * as shapes from "./shapes.mjs";

const CODE_TTL_MS = 10 * 60_000;
const USER_TOKEN_TTL_MS = 28_800_000;
const REFRESH_TOKEN_TTL_MS = 15_724_800_000;
const INSTALLATION_TOKEN_TTL_MS = 60 * 60_000;
const RATE_LIMIT = 5000;
const MAX_BODY_BYTES = 1_000_000;
const FAILURES = [null, "down", "unreachable", "rate_limited"];
const DEFAULT_BRANCHES = ["main", "develop", "feature/onboarding"];

const JWT_UNDECODABLE = "A JSON web token could not be decoded";
const JWT_BAD_IAT = "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
const JWT_BAD_EXP =
  "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
const JWT_EXP_TOO_FAR = "'Expiration time' claim ('exp') is too far in the future";

class HttpError extends Error {
  constructor(status, body, headers = {}) {
    super(body.message);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

const notFound = () => new HttpError(404, shapes.error("Not Found"));
const badCredentials = () => new HttpError(401, shapes.error("Bad credentials"));
const notForIntegrations = () =>
  new HttpError(403, shapes.error("Resource not accessible by integration"));

function randomToken(prefix) {
  return prefix + randomBytes(27).toString("base64url").replace(/[-_]/g, "0").slice(0, 36);
}

function isLoopbackUrl(value) {
  try {
    const url = new URL(value);
    return ["http:", "https:"].includes(url.protocol) && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

/** Everything the fake knows: accounts, installations, repositories, live credentials and the log. */
class World {
  constructor({ seed, urls, app }) {
    this.seedOnReset = seed;
    this.urls = urls;
    this.app = app;
    this.requests = [];
    this.reset();
  }

  reset() {
    this.accounts = new Map();
    this.installations = new Map();
    this.repositories = new Map();
    this.codes = new Map();
    this.userTokens = new Map();
    this.refreshTokens = new Map();
    this.installationTokens = new Map();
    this.rateLimitUsed = new Map();
    this.nextAccountId = 583231;
    this.nextInstallationId = 40_000_001;
    this.nextRepositoryId = 700_000_001;
    this.clockOffsetMs = 0;
    this.failure = null;
    this.signedInUser = null;
    this.requests.length = 0;
    if (this.seedOnReset) this.seed();
  }

  seed() {
    this.addUser({ login: "octocat", name: "The Octocat" });
    this.addUser({ login: "other-dev", name: "Other Developer" });
    this.addInstallation({
      account: { login: "octocat", type: "User" },
      repositories: ["hello-world", "dotfiles", "spoon-knife"],
    });
    this.addInstallation({
      account: { login: "hedgehog-inc", type: "Organization" },
      users: ["octocat"],
      repositories: 250,
    });
    this.addInstallation({
      account: { login: "other-dev", type: "User" },
      repositories: ["secret-project"],
      repositorySelection: "selected",
    });
    this.signedInUser = "octocat";
  }

  now() {
    return Date.now() + this.clockOffsetMs;
  }

  account(login) {
    return this.accounts.get(String(login).toLowerCase());
  }

  addAccount(login, type, extra = {}) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(login ?? "")) throw new Error(`Invalid login: ${login}`);
    const existing = this.account(login);
    if (existing) return existing;
    const account = { id: this.nextAccountId++, login, type, ...extra };
    this.accounts.set(login.toLowerCase(), account);
    return account;
  }

  addUser({ login, name = null, email = null }) {
    return shapes.simpleUser(this.urls, this.addAccount(login, "User", { name, email }));
  }

  requireUser(login) {
    const user = this.account(login);
    if (user?.type !== "User") throw new Error(`Unknown user: ${login}`);
    return user;
  }

  installation(id) {
    return this.installations.get(Number(id));
  }

  requireInstallation(id) {
    const installation = this.installation(id);
    if (!installation) throw new Error(`Unknown installation: ${id}`);
    return installation;
  }

  addInstallation({ account, users = [], repositories = [], repositorySelection = "all" }) {
    if (!["User", "Organization"].includes(account?.type)) throw new Error("account.type must be User or Organization");
    if (!["all", "selected"].includes(repositorySelection)) throw new Error("repositorySelection must be all or selected");
    const owner = this.addAccount(account.login, account.type);
    const members = owner.type === "User" ? [owner.login, ...users] : users;
    const installation = {
      id: this.nextInstallationId++,
      accountLogin: owner.login,
      users: new Set(members.map((login) => this.addAccount(login, "User").login.toLowerCase())),
      repositorySelection,
      repositoryKeys: [],
      createdAt: new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, "Z"),
    };
    this.installations.set(installation.id, installation);
    const names =
      typeof repositories === "number"
        ? Array.from({ length: repositories }, (_, i) => `repo-${String(i + 1).padStart(3, "0")}`)
        : repositories;
    for (const name of names) this.addRepository(installation.id, name);
    return this.installationShape(installation);
  }

  addRepository(installationId, name, { branches = DEFAULT_BRANCHES, defaultBranch, private: isPrivate = true } = {}) {
    const installation = this.requireInstallation(installationId);
    const fullName = `${installation.accountLogin}/${name}`;
    const key = fullName.toLowerCase();
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(name ?? "")) throw new Error(`Invalid repository name: ${name}`);
    if (this.repositories.has(key)) throw new Error(`Repository exists: ${fullName}`);
    const repository = {
      id: this.nextRepositoryId++,
      name,
      ownerLogin: installation.accountLogin,
      installationId: installation.id,
      private: isPrivate,
      branches: [...branches],
      defaultBranch: defaultBranch ?? branches[0] ?? "main",
    };
    this.repositories.set(key, repository);
    installation.repositoryKeys.push(key);
    return this.repositoryShape(repository);
  }

  /** Accepts (installationId, name) like addRepository, or a full name "owner/repo". */
  removeRepository(installationIdOrFullName, name) {
    const key = (
      name === undefined
        ? String(installationIdOrFullName)
        : `${this.requireInstallation(installationIdOrFullName).accountLogin}/${name}`
    ).toLowerCase();
    const repository = this.repositories.get(key);
    if (!repository) throw new Error(`Unknown repository: ${key}`);
    this.repositories.delete(key);
    const installation = this.installation(repository.installationId);
    installation.repositoryKeys = installation.repositoryKeys.filter((k) => k !== key);
  }

  setBranches(fullName, names, { defaultBranch } = {}) {
    const repository = this.repositories.get(String(fullName).toLowerCase());
    if (!repository) throw new Error(`Unknown repository: ${fullName}`);
    repository.branches = [...names];
    if (defaultBranch) repository.defaultBranch = defaultBranch;
    else if (!names.includes(repository.defaultBranch)) repository.defaultBranch = names[0] ?? "main";
  }

  setSignedInUser(login) {
    this.signedInUser = login === null ? null : this.requireUser(login).login;
  }

  setFailure(mode) {
    if (!FAILURES.includes(mode ?? null)) throw new Error(`Unknown failure mode: ${mode}`);
    this.failure = mode ?? null;
  }

  advanceClock(seconds) {
    this.clockOffsetMs += Number(seconds) * 1000;
  }

  /** What a finished OAuth exchange would give `login`, without the browser round trip. */
  issueUserToken(login) {
    const user = this.requireUser(login);
    const accessToken = randomToken("ghu_");
    const refreshToken = randomToken("ghr_");
    this.userTokens.set(accessToken, { login: user.login, expiresAt: this.now() + USER_TOKEN_TTL_MS });
    this.refreshTokens.set(refreshToken, { login: user.login, expiresAt: this.now() + REFRESH_TOKEN_TTL_MS });
    return shapes.userTokenGrant({ accessToken, refreshToken });
  }

  issueCode(login) {
    const code = randomBytes(10).toString("hex");
    this.codes.set(code, { login, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** Codes are single use: looking one up spends it, whether or not it is still valid. */
  redeemCode(code) {
    const entry = this.codes.get(code);
    this.codes.delete(code);
    return entry && entry.expiresAt > this.now() ? entry.login : null;
  }

  redeemRefreshToken(token) {
    const entry = this.refreshTokens.get(token);
    this.refreshTokens.delete(token);
    return entry && entry.expiresAt > this.now() ? entry.login : null;
  }

  issueInstallationToken(installation) {
    const token = randomToken("ghs_");
    const expiresAt = new Date(this.now() + INSTALLATION_TOKEN_TTL_MS);
    this.installationTokens.set(token, { installationId: installation.id, expiresAt: expiresAt.getTime() });
    return shapes.installationToken({ token, expiresAt, repositorySelection: installation.repositorySelection });
  }

  liveEntry(map, token) {
    const entry = map.get(token);
    return entry && entry.expiresAt > this.now() ? entry : null;
  }

  canAccess(login, installation) {
    return installation.users.has(login.toLowerCase());
  }

  installationsFor(login) {
    return [...this.installations.values()].filter((installation) => this.canAccess(login, installation));
  }

  repositoriesOf(installation) {
    return installation.repositoryKeys.map((key) => this.repositories.get(key));
  }

  findRepository(owner, name) {
    return this.repositories.get(`${owner}/${name}`.toLowerCase());
  }

  installationShape(installation) {
    return shapes.installation(this.urls, {
      installation,
      account: this.account(installation.accountLogin),
      app: this.app,
    });
  }

  repositoryShape(repository, permissions = { admin: false, maintain: false, push: false, triage: false, pull: true }) {
    return shapes.repository(this.urls, { repository, owner: this.account(repository.ownerLogin), permissions });
  }
}

/** The control API tests drive, in process (`state`) and over HTTP (`POST /_control/{action}`). */
function controlApi(world) {
  return {
    addUser: (user) => world.addUser(user),
    addInstallation: (spec) => world.addInstallation(spec),
    addRepository: (installationId, name, options) => world.addRepository(installationId, name, options),
    removeRepository: (installationIdOrFullName, name) => world.removeRepository(installationIdOrFullName, name),
    setBranches: (fullName, names, options) => world.setBranches(fullName, names, options),
    setSignedInUser: (login) => world.setSignedInUser(login),
    setFailure: (mode) => world.setFailure(mode),
    advanceClock: (seconds) => world.advanceClock(seconds),
    issueUserToken: (login) => world.issueUserToken(login),
    clearRequests: () => {
      world.requests.length = 0;
    },
    reset: () => world.reset(),
    get requests() {
      return world.requests;
    },
  };
}

const HTTP_CONTROL = {
  addUser: (state, body) => state.addUser(body),
  addInstallation: (state, body) => state.addInstallation(body),
  addRepository: (state, { installationId, name, ...options }) => state.addRepository(installationId, name, options),
  removeRepository: (state, { fullName, installationId, name }) =>
    fullName ? state.removeRepository(fullName) : state.removeRepository(installationId, name),
  setBranches: (state, { fullName, names, defaultBranch }) => state.setBranches(fullName, names, { defaultBranch }),
  setSignedInUser: (state, { login }) => state.setSignedInUser(login),
  setFailure: (state, { mode }) => state.setFailure(mode),
  advanceClock: (state, { seconds }) => state.advanceClock(seconds),
  issueUserToken: (state, { login }) => state.issueUserToken(login),
  clearRequests: (state) => state.clearRequests(),
  reset: (state) => state.reset(),
};

// ---- request plumbing -------------------------------------------------------------------------------

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, shapes.error("Payload too large")));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseBody(req, text) {
  if (!text) return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  try {
    const value = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value;
  } catch {
    // fall through to GitHub's answer for a body it cannot read
  }
  throw new HttpError(400, shapes.error("Problems parsing JSON"));
}

/** What the Authorization header claims to be, before anything is checked. */
function credentials(req) {
  const match = /^(\w+)\s+(\S+)$/.exec(req.headers.authorization ?? "");
  if (!match) return { kind: null };
  const [, scheme, value] = match;
  if (scheme.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return { kind: "basic", id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  if (!["bearer", "token"].includes(scheme.toLowerCase())) return { kind: "unknown", value };
  if (value.startsWith("ghu_")) return { kind: "user", value };
  if (value.startsWith("ghs_")) return { kind: "installation", value };
  if (value.split(".").length === 3) return { kind: "app", value };
  return { kind: "unknown", value };
}

function requestId() {
  const hex = (bytes) => randomBytes(bytes).toString("hex").toUpperCase();
  return `${hex(2)}:${hex(3)}:${hex(3)}:${hex(3)}:${hex(4)}`;
}

function send(res, status, body, headers = {}) {
  const payload = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "x-github-media-type": "github.v3; format=json",
    "x-github-api-version-selected": "2022-11-28",
    "x-github-request-id": requestId(),
    ...headers,
  });
  res.end(payload);
}

function sendHtml(res, status, html) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "x-github-request-id": requestId() });
  res.end(html);
}

function redirect(res, location) {
  res.writeHead(302, { location, "x-github-request-id": requestId() });
  res.end();
}

// ---- app JWTs ---------------------------------------------------------------------------------------

function decodeJwtPart(part) {
  const value = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  if (!value || typeof value !== "object") throw new Error("not an object");
  return value;
}

/** GitHub's checks on an app JWT, in its order; returns GitHub's message for the first failure. */
function jwtProblem(token, { publicKey, appId }) {
  const parts = token.split(".");
  let header;
  let claims;
  try {
    [header, claims] = [decodeJwtPart(parts[0]), decodeJwtPart(parts[1])];
  } catch {
    return JWT_UNDECODABLE;
  }
  if (header.alg !== "RS256" || String(claims.iss) !== String(appId)) return JWT_UNDECODABLE;
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  if (!verify("RSA-SHA256", signed, publicKey, Buffer.from(parts[2], "base64url"))) return JWT_UNDECODABLE;
  // GitHub judges app JWTs by the wall clock, so advanceClock (for token lifetimes) leaves Octokit's JWTs valid.
  const now = Math.floor(Date.now() / 1000);
  if (!Number.isInteger(claims.iat) || claims.iat > now + 60) return JWT_BAD_IAT;
  if (typeof claims.exp !== "number" || claims.exp <= now) return JWT_BAD_EXP;
  if (claims.exp - claims.iat > 600) return JWT_EXP_TOO_FAR;
  return null;
}

// ---- routes -----------------------------------------------------------------------------------------

function paginate(ctx, items) {
  const requested = Number.parseInt(ctx.url.searchParams.get("per_page") ?? "", 10);
  const perPage = Math.min(Math.max(requested || 30, 1), 100);
  const page = Math.max(Number.parseInt(ctx.url.searchParams.get("page") ?? "", 10) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const links = [];
  const link = (target, rel) => {
    const url = new URL(ctx.url);
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(target));
    links.push(`<${url}>; rel="${rel}"`);
  };
  if (page > 1) link(page - 1, "prev");
  if (page < last) {
    link(page + 1, "next");
    link(last, "last");
  }
  if (page > 1) link(1, "first");
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(", ") } : {},
  };
}

function authedUser(ctx) {
  const { world, auth } = ctx;
  if (auth.kind === "user") {
    const entry = world.liveEntry(world.userTokens, auth.value);
    if (entry) return world.account(entry.login);
  }
  if (auth.kind === "installation" && world.liveEntry(world.installationTokens, auth.value)) throw notForIntegrations();
  throw badCredentials();
}

function authedInstallation(ctx) {
  const { world, auth } = ctx;
  if (auth.kind === "installation") {
    const entry = world.liveEntry(world.installationTokens, auth.value);
    if (entry) return world.installation(entry.installationId);
  }
  if (auth.kind === "user" && world.liveEntry(world.userTokens, auth.value)) {
    throw new HttpError(
      403,
      shapes.error("You must authenticate with an installation access token in order to list repositories for an installation."),
    );
  }
  throw badCredentials();
}

function authedApp(ctx) {
  const problem = ctx.auth.kind === "app" ? jwtProblem(ctx.auth.value, ctx.config) : JWT_UNDECODABLE;
  if (problem) throw new HttpError(401, shapes.error(problem));
}

/** A repository the caller's installation token (or user token, through an installation) covers; else 404. */
function coveredRepository(ctx, owner, name) {
  const { world, auth } = ctx;
  const repository = world.findRepository(owner, name);
  if (auth.kind === "user") {
    const user = authedUser(ctx);
    if (repository && world.canAccess(user.login, world.installation(repository.installationId))) return repository;
    throw notFound();
  }
  const installation = authedInstallation(ctx);
  if (repository?.installationId === installation.id) return repository;
  throw notFound();
}

function repositoryListing(ctx, installation) {
  const { items, headers } = paginate(ctx, ctx.world.repositoriesOf(installation));
  return {
    body: {
      total_count: installation.repositoryKeys.length,
      repository_selection: installation.repositorySelection,
      repositories: items.map((repository) => ctx.world.repositoryShape(repository)),
    },
    headers,
  };
}

const API_ROUTES = [
  ["GET", /^\/user$/, (ctx) => ({ body: shapes.authenticatedUser(ctx.world.urls, authedUser(ctx)) })],
  [
    "GET",
    /^\/user\/installations$/,
    (ctx) => {
      const installations = ctx.world.installationsFor(authedUser(ctx).login);
      const { items, headers } = paginate(ctx, installations);
      return {
        body: { total_count: installations.length, installations: items.map((i) => ctx.world.installationShape(i)) },
        headers,
      };
    },
  ],
  [
    "GET",
    /^\/user\/installations\/(\d+)\/repositories$/,
    (ctx, id) => {
      const user = authedUser(ctx);
      const installation = ctx.world.installation(id);
      if (!installation || !ctx.world.canAccess(user.login, installation)) throw notFound();
      return repositoryListing(ctx, installation);
    },
  ],
  [
    "GET",
    /^\/app$/,
    (ctx) => {
      authedApp(ctx);
      const body = shapes.app(ctx.world.urls, ctx.world.app);
      return { body: { ...body, installations_count: ctx.world.installations.size } };
    },
  ],
  [
    "GET",
    /^\/app\/installations\/(\d+)$/,
    (ctx, id) => {
      authedApp(ctx);
      const installation = ctx.world.installation(id);
      if (!installation) throw notFound();
      return { body: ctx.world.installationShape(installation) };
    },
  ],
  [
    "POST",
    /^\/app\/installations\/(\d+)\/access_tokens$/,
    (ctx, id) => {
      authedApp(ctx);
      const installation = ctx.world.installation(id);
      if (!installation) throw notFound();
      return { status: 201, body: ctx.world.issueInstallationToken(installation) };
    },
  ],
  ["GET", /^\/installation\/repositories$/, (ctx) => repositoryListing(ctx, authedInstallation(ctx))],
  [
    "GET",
    /^\/repos\/([^/]+)\/([^/]+)$/,
    (ctx, owner, name) => ({ body: ctx.world.repositoryShape(coveredRepository(ctx, owner, name)) }),
  ],
  [
    "GET",
    /^\/repos\/([^/]+)\/([^/]+)\/branches$/,
    (ctx, owner, name) => {
      const repository = coveredRepository(ctx, owner, name);
      const fullName = `${repository.ownerLogin}/${repository.name}`;
      const { items, headers } = paginate(ctx, repository.branches);
      return { body: items.map((branch) => shapes.branch(ctx.world.urls, fullName, branch)), headers };
    },
  ],
  [
    "DELETE",
    /^\/applications\/([^/]+)\/token$/,
    (ctx, clientId) => {
      const { auth, config, world, body } = ctx;
      if (auth.kind !== "basic" || auth.id !== config.clientId || auth.secret !== config.clientSecret) {
        throw badCredentials();
      }
      if (clientId !== config.clientId) throw notFound();
      if (typeof body.access_token !== "string") {
        throw new HttpError(422, shapes.error('Invalid request.\n\n"access_token" wasn\'t supplied.'));
      }
      if (!world.userTokens.delete(body.access_token)) throw notFound();
      return { status: 204 };
    },
  ],
];

function rateLimitSubject(ctx) {
  const { world, auth } = ctx;
  if (auth.kind === "installation") {
    const entry = world.installationTokens.get(auth.value);
    if (entry) return { key: `installation:${entry.installationId}`, label: `installation ID ${entry.installationId}` };
  }
  if (auth.kind === "user") {
    const entry = world.userTokens.get(auth.value);
    if (entry) {
      const id = world.account(entry.login).id;
      return { key: `user:${id}`, label: `user ID ${id}` };
    }
  }
  if (auth.kind === "app") return { key: "app", label: `app ID ${ctx.config.appId}` };
  const ip = ctx.req.socket.remoteAddress ?? "127.0.0.1";
  return { key: `ip:${ip}`, label: ip };
}

function rateLimitHeaders(ctx) {
  const { world } = ctx;
  const nowSeconds = Math.floor(Date.now() / 1000);
  if (!world.rateLimitWindowEnds || world.rateLimitWindowEnds <= nowSeconds) {
    world.rateLimitWindowEnds = nowSeconds + 3600;
    world.rateLimitUsed.clear();
  }
  const { key, label } = rateLimitSubject(ctx);
  if (world.failure === "rate_limited") {
    throw new HttpError(403, shapes.error(`API rate limit exceeded for ${label}.`, shapes.DOCS.rateLimit), {
      "x-ratelimit-limit": String(RATE_LIMIT),
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(nowSeconds + 60),
      "x-ratelimit-used": String(RATE_LIMIT),
      "x-ratelimit-resource": "core",
    });
  }
  const used = (world.rateLimitUsed.get(key) ?? 0) + 1;
  world.rateLimitUsed.set(key, used);
  return {
    "x-ratelimit-limit": String(RATE_LIMIT),
    "x-ratelimit-remaining": String(Math.max(RATE_LIMIT - used, 0)),
    "x-ratelimit-reset": String(world.rateLimitWindowEnds),
    "x-ratelimit-used": String(used),
    "x-ratelimit-resource": "core",
  };
}

async function handleApi(ctx, res, path) {
  let limits = {};
  try {
    limits = rateLimitHeaders(ctx);
    const route = API_ROUTES.find(([method, pattern]) => method === ctx.req.method && pattern.test(path));
    if (!route) throw notFound();
    ctx.body = parseBody(ctx.req, await readBody(ctx.req));
    const result = route[2](ctx, ...route[1].exec(path).slice(1).map(decodeURIComponent));
    send(res, result.status ?? 200, result.body, { ...limits, ...result.headers });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    send(res, error.status, error.body, { ...limits, ...error.headers });
  }
}

// ---- OAuth ------------------------------------------------------------------------------------------

function oauthGrant({ world, config }, params) {
  if (params.client_id !== config.clientId || params.client_secret !== config.clientSecret) {
    return shapes.oauthError("incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.");
  }
  if (params.grant_type === "refresh_token") {
    const login = typeof params.refresh_token === "string" ? world.redeemRefreshToken(params.refresh_token) : null;
    return login
      ? world.issueUserToken(login)
      : shapes.oauthError("bad_refresh_token", "The refresh token passed is incorrect or expired.");
  }
  const login = typeof params.code === "string" ? world.redeemCode(params.code) : null;
  return login
    ? world.issueUserToken(login)
    : shapes.oauthError("bad_verification_code", "The code passed is incorrect or expired.");
}

async function handleOAuth(ctx, res) {
  if (ctx.req.method !== "POST") return send(res, 404, shapes.error("Not Found"));
  const params = { ...Object.fromEntries(ctx.url.searchParams), ...parseBody(ctx.req, await readBody(ctx.req)) };
  const grant = oauthGrant(ctx, params);
  // Like GitHub, the answer is form-encoded unless the client asks for JSON.
  if ((ctx.req.headers.accept ?? "").includes("application/json")) return send(res, 200, grant);
  res.writeHead(200, { "content-type": "application/x-www-form-urlencoded; charset=utf-8" });
  res.end(new URLSearchParams(Object.entries(grant).map(([k, v]) => [k, String(v)])).toString());
}

// ---- the installation page ----------------------------------------------------------------------------

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, content) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}
button{display:block;width:100%;margin:.5rem 0;padding:.6rem;font-size:1rem;cursor:pointer}</style></head>
<body><main>${content}</main></body>
</html>`;
}

/** The accounts the signed-in user may install on: their own, and organizations they reach through installations. */
function installableAccounts(world, login) {
  const organizations = world
    .installationsFor(login)
    .map((installation) => world.account(installation.accountLogin))
    .filter((account) => account.type === "Organization");
  return [world.account(login), ...new Set(organizations)];
}

function installPage(ctx, res) {
  const { world, config, url } = ctx;
  const login = world.signedInUser;
  if (!login) return sendHtml(res, 403, page("Sign in", "<h1>Sign in to GitHub</h1><p>No user is signed in.</p>"));
  const hidden = ["state", "redirect_uri"]
    .filter((name) => url.searchParams.has(name))
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(url.searchParams.get(name))}">`)
    .join("");
  const buttons = installableAccounts(world, login)
    .map(
      (account) =>
        `<button type="submit" name="account" value="${escapeHtml(account.login)}">Install on ${escapeHtml(account.login)}</button>`,
    )
    .join("\n");
  const html = `<h1>Install ${escapeHtml(config.appName)} on</h1>
<p>Signed in as <strong>${escapeHtml(login)}</strong>. Choose where to install ${escapeHtml(config.appName)}.</p>
<form method="post" action="/apps/${escapeHtml(config.appSlug)}/installations/new/confirm">${hidden}
${buttons}
<button type="submit" name="cancel" value="1">Cancel</button>
</form>`;
  sendHtml(res, 200, page(`Install ${config.appName}`, html));
}

function callbackTarget(ctx, params) {
  const override = params.redirect_uri;
  if (override) {
    if (!isLoopbackUrl(override)) throw new Error("The redirect_uri MUST be on loopback for this local GitHub.");
    return new URL(override);
  }
  if (!ctx.config.callbackUrl) throw new Error("No callback URL is configured for this app.");
  return new URL(ctx.config.callbackUrl);
}

function confirmInstall(ctx, params) {
  const { world } = ctx;
  const target = callbackTarget(ctx, params);
  if (params.cancel) {
    target.searchParams.set("error", "access_denied");
    target.searchParams.set("error_description", "The user has denied your application access.");
    target.searchParams.set(
      "error_uri",
      "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#access-denied",
    );
  } else {
    const login = world.signedInUser;
    const account = login && installableAccounts(world, login).find((a) => a.login === params.account);
    if (!account) throw new Error("That account is not available to the signed-in user.");
    const existing = [...world.installations.values()].find((i) => i.accountLogin === account.login);
    const id = existing?.id ?? world.addInstallation({ account, users: [login] }).id;
    target.searchParams.set("code", world.issueCode(login));
    target.searchParams.set("installation_id", String(id));
    // GitHub says "update" when the account already had the app and the user only changed its settings.
    target.searchParams.set("setup_action", existing ? "update" : "install");
  }
  if (params.state !== undefined) target.searchParams.set("state", params.state);
  return target.toString();
}

async function handleWeb(ctx, res) {
  const { url, req, config } = ctx;
  const base = `/apps/${config.appSlug}/installations/new`;
  if (req.method === "GET" && url.pathname === base) return installPage(ctx, res);
  if (url.pathname === `${base}/confirm` && ["GET", "POST"].includes(req.method)) {
    const params = { ...Object.fromEntries(url.searchParams), ...parseBody(req, await readBody(req)) };
    try {
      return redirect(res, confirmInstall(ctx, params));
    } catch (error) {
      return sendHtml(res, 400, page("Error", `<h1>Installation failed</h1><p role="alert">${escapeHtml(error.message)}</p>`));
    }
  }
  const avatar = /^\/avatars\/u\/(\d+)$/.exec(url.pathname);
  if (req.method === "GET" && avatar) {
    const hue = Number(avatar[1]) % 360;
    res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "max-age=3600" });
    return res.end(
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="hsl(${hue} 60% 55%)"/></svg>`,
    );
  }
  sendHtml(res, 404, page("Not Found", "<h1>Not Found</h1>"));
}

// ---- control over HTTP --------------------------------------------------------------------------------

async function handleControl(ctx, res, action) {
  if (ctx.req.method === "GET" && action === "requests") return send(res, 200, ctx.state.requests);
  const run = HTTP_CONTROL[action];
  if (ctx.req.method !== "POST" || !run) return send(res, 404, shapes.error("Not Found"));
  try {
    const result = run(ctx.state, parseBody(ctx.req, await readBody(ctx.req)));
    send(res, 200, result ?? null);
  } catch (error) {
    send(res, 400, { message: error.message });
  }
}

// ---- server -----------------------------------------------------------------------------------------

function route(ctx, res) {
  const { pathname } = ctx.url;
  if (pathname.startsWith("/_control/")) return handleControl(ctx, res, pathname.slice("/_control/".length));
  ctx.world.requests.push({ method: ctx.req.method, path: pathname, query: ctx.url.search, auth: ctx.auth.kind });
  if (ctx.world.failure === "unreachable") return void ctx.req.socket.destroy();
  const isApi = pathname === "/api/v3" || pathname.startsWith("/api/v3/");
  const isOAuth = pathname === "/login/oauth/access_token";
  if (ctx.world.failure === "down" && (isApi || isOAuth)) return send(res, 503, { message: "Service Unavailable" });
  if (isApi) return handleApi(ctx, res, pathname.slice("/api/v3".length) || "/");
  if (isOAuth) return handleOAuth(ctx, res);
  return handleWeb(ctx, res);
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address().port);
    });
  });
}

function generatePrivateKeyPem() {
  // PKCS#1, as GitHub hands out app private keys.
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
}

/**
 * Starts a local GitHub. Resolves once it listens.
 * @returns {Promise<{webUrl: string, apiUrl: string, appId: number, appSlug: string, clientId: string,
 *   clientSecret: string, privateKeyPem: string, state: ReturnType<typeof controlApi>, close: () => Promise<void>}>}
 */
export async function startLocalGitHub(options = {}) {
  const host = options.host ?? "127.0.0.1";
  const privateKeyPem = options.privateKeyPem ?? generatePrivateKeyPem();
  const config = {
    appId: Number(options.appId ?? 1001),
    appSlug: options.appSlug ?? "accounts-local",
    appName: options.appName ?? "Accounts Local",
    clientId: options.clientId ?? "Iv1.localgithub",
    clientSecret: options.clientSecret ?? randomBytes(20).toString("hex"),
    callbackUrl: options.callbackUrl ?? null,
    publicKey: createPublicKey(privateKeyPem),
  };
  let world;
  let state;
  const server = http.createServer((req, res) => {
    const ctx = { req, url: new URL(req.url ?? "/", world.urls.web), auth: credentials(req), world, state, config };
    Promise.resolve(route(ctx, res)).catch((error) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent) send(res, status, error instanceof HttpError ? error.body : { message: "Server Error" });
      else res.destroy();
    });
  });
  // The world is built once the port is known, since every URL in its shapes carries it.
  const port = await listen(server, options.port ?? 0, host);
  const authority = host.includes(":") ? `[${host}]` : host;
  const web = `http://${authority}:${port}`;
  const urls = { web, api: `${web}/api/v3` };
  world = new World({
    seed: options.seed ?? true,
    urls,
    app: {
      id: config.appId,
      slug: config.appSlug,
      name: config.appName,
      clientId: config.clientId,
      owner: { id: 9_919, login: "accounts-dev", type: "Organization" },
    },
  });
  state = controlApi(world);

  return {
    webUrl: urls.web,
    apiUrl: urls.api,
    appId: config.appId,
    appSlug: config.appSlug,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    privateKeyPem,
    state,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---- running as a script -------------------------------------------------------------------------------

function loadOrCreatePrivateKey(path) {
  if (!path) return undefined;
  if (existsSync(path)) return readFileSync(path, "utf8");
  const pem = generatePrivateKeyPem();
  writeFileSync(path, pem, { mode: 0o600 });
  return pem;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "3100" },
      host: { type: "string", default: "127.0.0.1" },
      "callback-url": { type: "string" },
      "private-key-file": { type: "string" },
      "client-secret": { type: "string" },
      "app-id": { type: "string" },
      "app-slug": { type: "string" },
      "client-id": { type: "string" },
      "no-seed": { type: "boolean", default: false },
    },
  });
  const github = await startLocalGitHub({
    port: Number(values.port),
    host: values.host,
    callbackUrl: values["callback-url"],
    privateKeyPem: loadOrCreatePrivateKey(values["private-key-file"]),
    clientSecret: values["client-secret"],
    appId: values["app-id"],
    appSlug: values["app-slug"],
    clientId: values["client-id"],
    seed: !values["no-seed"],
  });
  const lines = [
    `GITHUB_WEB_URL=${github.webUrl}`,
    `GITHUB_API_URL=${github.apiUrl}`,
    `GITHUB_APP_ID=${github.appId}`,
    `GITHUB_APP_SLUG=${github.appSlug}`,
    `GITHUB_APP_CLIENT_ID=${github.clientId}`,
    `GITHUB_APP_CLIENT_SECRET=${github.clientSecret}`,
    // Double-quoted so dotenv turns the escaped newlines back into a PEM.
    `GITHUB_APP_PRIVATE_KEY="${github.privateKeyPem.trim().replaceAll("\n", "\\n")}"`,
  ];
  const stop = () => github.close().then(() => process.exit(0));
  // Listen for signals before printing: whoever waits for these lines may signal right after reading them.
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  process.stdout.write(`${lines.join("\n")}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
