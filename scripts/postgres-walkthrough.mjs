// Runs the README's "Running against PostgreSQL" block as written, so the doc cannot drift from
// what works: only the database name and the port are swapped for throwaway ones. Then it signs
// in over HTTP as the user the block created and checks that sign-out lands on that port.
// Writes its checks to test-results/walkthrough.json for the test command's totals.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import pg from "pg";

const port = Number(process.env.WALKTHROUGH_PORT ?? 3101);
const database = `accounts_walkthrough_${process.pid}`;
const adminUrl = process.env.WALKTHROUGH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const startTimeoutMs = Number(process.env.WALKTHROUGH_TIMEOUT_MS ?? 8 * 60_000);
const base = `http://localhost:${port}`;

/** Variables the block must set itself: inherited ones would hide a step the README leaves out. */
const APP_VARIABLES = /^(DATABASE_|PGLITE_|PORT$|NEXTAUTH_|APP_NAME$|SMTP_URL$|MAIL_FROM$|DEV_OUTBOX$|SIGNUP_ENABLED$|SESSION_|API_MAX_|LOG_LEVEL$|TRUST_PROXY$|RATE_LIMIT_|NODE_ENV$|TEST_DATABASE_URL$|E2E_)/;

export function readmeBlock(readme) {
  const section = readme.split("\n## Running against PostgreSQL\n")[1]?.split("\n## ")[0];
  const block = section && /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md has no ```sh block under "## Running against PostgreSQL"');
  return block;
}

/** The block with its database and port swapped; every other line runs exactly as printed. */
export function throwawayScript(block, { databaseName, listenPort }) {
  let swapped = 0;
  const script = block
    .split("\n")
    .map((line) => {
      const databaseLine = /^export DATABASE_URL=(\S+)$/.exec(line);
      if (databaseLine) {
        const url = new URL(databaseLine[1]);
        url.pathname = `/${databaseName}`;
        swapped += 1;
        return `export DATABASE_URL=${url}`;
      }
      if (/^export PORT=\d+$/.test(line)) {
        swapped += 1;
        return `export PORT=${listenPort}`;
      }
      return line;
    })
    .join("\n");
  if (swapped !== 2) throw new Error("the README block must set DATABASE_URL and PORT with one `export` line each");
  return script;
}

/** The account the block's `create-user` line makes. */
export function createdAccount(block) {
  const line = block.split("\n").find((candidate) => candidate.includes("create-user"));
  const email = /--email (\S+)/.exec(line ?? "")?.[1];
  const password = /--password '([^']+)'/.exec(line ?? "")?.[1];
  if (!email || !password) throw new Error("the README block has no `create-user --email E --password 'P'` line");
  return { email, password };
}

class CookieJar {
  cookies = new Map();
  store(response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  async fetch(path, init = {}) {
    const response = await fetch(`${base}${path}`, { ...init, redirect: "manual", headers: { ...init.headers, cookie: this.header() } });
    this.store(response);
    return response;
  }
  async csrfToken() {
    return (await (await this.fetch("/api/auth/csrf")).json()).csrfToken;
  }
  form(path, fields) {
    return this.fetch(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });
  }
}

async function answers(path) {
  try {
    return (await fetch(`${base}${path}`)).status;
  } catch {
    return null;
  }
}

async function waitUntilServing(child) {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the block stopped (exit ${child.exitCode ?? child.signalCode}) before the app answered`);
    if ((await answers("/api/health")) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the app did not answer on port ${port} within ${startTimeoutMs / 1000} s`);
}

async function dropDatabase() {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function main() {
  const checks = [];
  const check = async (name, run) => {
    try {
      await run();
      checks.push({ name, ok: true });
      console.log(`  ✓ ${name}`);
    } catch (error) {
      checks.push({ name, ok: false, error: String(error?.message ?? error) });
      console.log(`  ✘ ${name}: ${error?.message ?? error}`);
    }
    return checks.at(-1).ok;
  };

  const block = readmeBlock(readFileSync("README.md", "utf8"));
  const account = createdAccount(block);
  const script = throwawayScript(block, { databaseName: database, listenPort: port });
  if ((await answers("/api/health")) !== null) throw new Error(`port ${port} is already in use; set WALKTHROUGH_PORT`);

  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !APP_VARIABLES.test(name)));
  console.log(`\n--- README "Running against PostgreSQL", on database ${database} and port ${port}:\n${script}`);
  // Its own process group, so the server the block leaves running is stopped with everything it started.
  const child = spawn("bash", ["-euo", "pipefail", "-c", script], { stdio: "inherit", env, detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => { stop(); void dropDatabase().finally(() => process.exit(1)); });

  try {
    const serving = await check("the block runs as written and leaves the app serving", () => waitUntilServing(child));
    const jar = new CookieJar();
    if (serving) {
      await check("the user it created signs in over HTTP", async () => {
        const response = await jar.form("/api/auth/callback/credentials", { csrfToken: await jar.csrfToken(), ...account, json: "true" });
        if (![200, 302].includes(response.status)) throw new Error(`sign-in answered ${response.status}`);
        const me = await jar.fetch("/api/users/@me");
        const body = await me.json();
        if (me.status !== 200 || body.email !== account.email || body.is_staff !== true) throw new Error(`GET /api/users/@me answered ${me.status} ${JSON.stringify(body).slice(0, 200)}`);
      });
      await check(`sign-out sends the browser to port ${port} (NEXTAUTH_URL's default)`, async () => {
        const response = await jar.form("/api/auth/signout", { csrfToken: await jar.csrfToken(), callbackUrl: "/signin", json: "true" });
        const { url } = await response.json();
        if (url !== `${base}/signin`) throw new Error(`sign-out redirects to ${url}`);
        const me = await jar.fetch("/api/users/@me");
        if (me.status !== 401) throw new Error(`after sign-out GET /api/users/@me answered ${me.status}`);
      });
    }
  } finally {
    stop();
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", resolve)));
    await dropDatabase();
  }

  const passed = checks.filter((entry) => entry.ok).length;
  const failed = checks.length - passed;
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/walkthrough.json", JSON.stringify({ passed, failed, checks }, null, 2));
  console.log(`walkthrough: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (ok) => process.exit(ok ? 0 : 1),
    (error) => {
      console.error(`walkthrough: ${error.message}`);
      process.exit(1);
    },
  );
}
