// Starts the built app for Playwright on a fresh, migrated PostgreSQL database of its own.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startLocalGitHub } from "./local-github/server.mjs";
import { SERVER_NODE_FLAGS } from "../server-flags.mjs";

const url = new URL(process.env.DATABASE_URL);
if (!["127.0.0.1", "localhost"].includes(url.hostname)) throw new Error("e2e runs only against a local database");
const admin = new URL(url);
admin.pathname = "/postgres";
const client = new pg.Client({ connectionString: admin.toString() });
await client.connect();
await client.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
await client.end();

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run("npx", ["tsx", "scripts/migrate.ts"]);
// The instance's permanent first staff user, as an operator would create it. No test signs in as
// it (each creates its own staff user); it is there so that a test demoting or deleting its own
// staff user never meets the "last staff user" guard, whatever runs beside it.
run("npx", ["tsx", "--conditions=react-server", "scripts/create-user.ts", "--email", "operator@e2e.test", `--password=${randomBytes(18).toString("base64url")}`, "--staff", "--first-name", "Operator"]);

// The local GitHub the app is configured with, on the port the tests reach it at (playwright.config.ts).
const github = await startLocalGitHub({ port: Number(process.env.LOCAL_GITHUB_PORT), callbackUrl: `${process.env.NEXTAUTH_URL}/api/integrations/github/callback` });
const githubEnv = {
  GITHUB_WEB_URL: github.webUrl,
  GITHUB_API_URL: github.apiUrl,
  GITHUB_APP_ID: String(github.appId),
  GITHUB_APP_SLUG: github.appSlug,
  GITHUB_APP_CLIENT_ID: github.clientId,
  GITHUB_APP_CLIENT_SECRET: github.clientSecret,
  GITHUB_APP_PRIVATE_KEY: github.privateKeyPem,
};

const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, "server.mjs", "-p", process.env.PORT, "-H", "127.0.0.1"], { stdio: "inherit", env: { ...process.env, ...githubEnv } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => void github.close().finally(() => process.exit(code ?? 0)));
