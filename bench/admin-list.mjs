// The staff user list at 100,000 users: p50/p99 at 8 connections for the first page, offset
// 99,000 and the email filter, each as a ratio to the bare Next.js handler measured beside it.
//   node bench/admin-list.mjs [--no-build] [--users 100000] [--rounds 2] [--duration 5] [--json]
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { answers200, measure } from "./lib/load.mjs";
import { cleanUpOnExit, log, runStep } from "./lib/processes.mjs";
import { summarise, table } from "./lib/report.mjs";
import { BENCH_DATABASE, REPO, startBareApp, startOurApp } from "./lib/servers.mjs";
import { signIn } from "./lib/sessions.mjs";

const { values: options } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    users: { type: "string", default: "100000" },
    rounds: { type: "string", default: "2" },
    duration: { type: "string", default: "5" },
    json: { type: "boolean", default: false },
  },
});
const USERS = Number(options.users);
const ROUNDS = Number(options.rounds);
const SECONDS = Number(options.duration);
const CONNECTIONS = 8;
const databaseUrl = `postgresql://postgres@127.0.0.1:5432/${BENCH_DATABASE}`;

const { cleanups, cleanUp } = cleanUpOnExit();

/** Users written in bulk by SQL (one personal organization is not needed to list them). */
async function seedUsers(count) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO users (email, "firstName", "lastName", "distinctId", "isEmailVerified", "dateJoined", "updatedAt")
       SELECT 'seed-' || lpad(n::text, 6, '0') || '@example.test', 'Seed', 'User ' || n, 'seed-' || n || '-' || md5(random()::text), true, now() - n * interval '1 minute', now()
         FROM generate_series(1, $1::int) AS n`,
      [count],
    );
    // What autovacuum does to a table this size: index-only scans need its visibility map.
    await client.query("VACUUM ANALYZE users");
  } finally {
    await client.end();
  }
}

async function staffCookie(base) {
  const email = `bench-admin-${randomBytes(4).toString("hex")}@example.test`;
  const password = `bench-${randomBytes(12).toString("hex")}`;
  await runStep("create a staff user", join(REPO, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/create-user.ts", "--email", email, `--password=${password}`, "--staff", "--first-name", "Bench"], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeoutMs: 60_000,
  });
  return signIn(base, email, password);
}

const measurements = [
  { name: "first page (limit 100)", path: "/api/users/?limit=100", target: 4 },
  { name: "offset 99,000 (limit 100)", path: `/api/users/?limit=100&offset=${Math.max(0, USERS - 1000)}`, target: 12 },
  { name: "email filter", path: `/api/users/?email=seed-${String(Math.ceil(USERS / 2)).padStart(6, "0")}%40example.test`, target: 4 },
].map((measurement) => ({ ...measurement, metric: "p99", unit: "ms", higherIsBetter: false }));

async function main() {
  const bareUrl = `${await startBareApp(cleanups)}/api/ping`;
  const app = await startOurApp(cleanups, { build: !options["no-build"] });
  await answers200(bareUrl);
  log(`seeding ${USERS} users`);
  await seedUsers(USERS);
  const cookie = await staffCookie(app.base);
  const bare = { url: bareUrl, requestsFor: () => [{ method: "GET" }] };
  const appWorkload = (path) => ({ url: `${app.base}${path}`, requestsFor: () => [{ method: "GET", headers: { cookie } }] });

  log("warming up");
  await measure("warm-up bare", bare, CONNECTIONS, 10);
  for (const measurement of measurements) await measure(`warm-up ${measurement.name}`, appWorkload(measurement.path), CONNECTIONS, 5);

  const summaries = [];
  for (const measurement of measurements) {
    const rounds = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const pair = { bare: await measure("bare", bare, CONNECTIONS, SECONDS), app: await measure(measurement.name, appWorkload(measurement.path), CONNECTIONS, SECONDS) };
      log(`round ${round}/${ROUNDS}, ${measurement.name}: p50 ${pair.app.p50.toFixed(1)} ms, p99 ${pair.app.p99.toFixed(1)} ms (bare p99 ${pair.bare.p99.toFixed(1)} ms)`);
      rounds.push(pair);
    }
    const summary = summarise(measurement, rounds);
    summaries.push({ ...summary, p50: rounds.map((pair) => pair.app.p50) });
  }
  const text = `${USERS} users, ${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s, p99 as a ratio to the bare handler's\n\n${table(summaries)}\n`;
  if (options.json) {
    process.stderr.write(text);
    process.stdout.write(`${JSON.stringify({ users: USERS, results: summaries }, null, 2)}\n`);
  } else {
    process.stdout.write(text);
  }
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  log(`failed: ${error.message}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
