// Starts the built app for Playwright on a fresh, migrated PostgreSQL database of its own.
import { spawn, spawnSync } from "node:child_process";
import pg from "pg";

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
run("npx", ["tsx", "--conditions=react-server", "scripts/create-user.ts", "--email", process.env.E2E_STAFF_EMAIL, "--password", process.env.E2E_STAFF_PASSWORD, "--staff", "--first-name", "Staff"]);

const server = spawn("npx", ["next", "start", "-p", process.env.PORT, "-H", "127.0.0.1"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
