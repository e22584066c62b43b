// Our app's hot path (GET and PATCH /api/users/@me) as a ratio to a bare Next.js route handler on
// the same machine, measured interleaved so both see the same conditions. Loopback only.
//   node bench/platform.mjs [--no-build] [--rounds 3] [--duration 5] [--warmup 15] [--json] [--check]
//   node bench/platform.mjs --url http://127.0.0.1:3000 [--bare-url http://127.0.0.1:3001] [--email E --password P]
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { answers200, measure } from "./lib/load.mjs";
import { cleanUpOnExit, log } from "./lib/processes.mjs";
import { summarise, table } from "./lib/report.mjs";
import { postgresVersion, REPO, startBareApp, startOurApp } from "./lib/servers.mjs";
import { sessionCookies } from "./lib/sessions.mjs";

const { values: options } = parseArgs({
  options: {
    url: { type: "string" },
    "bare-url": { type: "string" },
    email: { type: "string" },
    password: { type: "string" },
    "no-build": { type: "boolean", default: false },
    rounds: { type: "string", default: "3" },
    duration: { type: "string", default: "5" },
    warmup: { type: "string", default: "15" },
    json: { type: "boolean", default: false },
    check: { type: "boolean", default: false },
  },
});

const USERS = 16;
// Long enough for V8 to finish optimising each server's hot path: a fresh `next start` of the app
// serves about half its steady rate for its first ten seconds, far longer than the bare handler.
const WARMUP_SECONDS = positiveInt("--warmup", options.warmup);
const rounds = positiveInt("--rounds", options.rounds);
const seconds = positiveInt("--duration", options.duration);

function positiveInt(name, raw) {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) usage(`${name} must be a positive integer (got "${raw}")`);
  return value;
}

function usage(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

// This workplace forbids load on anything but this machine.
function loopbackUrl(raw, flag) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    usage(`${flag} ${raw} is not a URL`);
  }
  const host = url.hostname;
  const loopback = host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  if (!loopback) usage(`${flag} ${raw}: benchmarks run against loopback only (127.0.0.0/8, localhost, ::1)`);
  return url;
}

if ((options.email === undefined) !== (options.password === undefined)) usage("--email and --password go together");
const account = options.email ? { email: options.email, password: options.password } : undefined;
const targetUrl = options.url && loopbackUrl(options.url, "--url").origin;
const bareTarget = options["bare-url"] && loopbackUrl(options["bare-url"], "--bare-url");
// A bare base means the handler this script builds; a full URL names any other ceiling.
const targetBareUrl = bareTarget && `${bareTarget.origin}${bareTarget.pathname === "/" ? "/api/ping" : bareTarget.pathname}`;

const { cleanups, cleanUp } = cleanUpOnExit();

const measurements = [
  { name: "GET @me throughput (32 conn)", metric: "throughput", unit: "req/s", connections: 32, app: "get", target: 0.6, higherIsBetter: true },
  { name: "GET @me p99 (4 conn)", metric: "p99", unit: "ms", connections: 4, app: "get", target: 2.5, higherIsBetter: false },
  { name: `PATCH @me throughput (${USERS} users)`, metric: "throughput", unit: "req/s", connections: USERS, app: "patch", target: 0.5, higherIsBetter: true },
];

function workloads(appBase, bareUrl, cookies) {
  const cookieFor = (connection) => cookies[connection % cookies.length];
  return {
    bare: { url: bareUrl, requestsFor: () => [{ method: "GET" }] },
    get: { url: `${appBase}/api/users/@me`, requestsFor: (connection) => [{ method: "GET", headers: { cookie: cookieFor(connection) } }] },
    patch: {
      url: `${appBase}/api/users/@me`,
      requestsFor: (connection) =>
        ["light", "dark"].map((theme) => ({
          method: "PATCH",
          headers: { cookie: cookieFor(connection), "content-type": "application/json", origin: appBase },
          body: JSON.stringify({ theme_mode: theme }),
        })),
    },
  };
}

// Others' builds and tests on a shared machine skew both sides; say so next to the numbers.
async function busyShare() {
  const sample = () => {
    let idle = 0;
    let total = 0;
    for (const { times } of cpus()) {
      idle += times.idle;
      total += times.user + times.nice + times.sys + times.idle + times.irq;
    }
    return { idle, total };
  };
  const before = sample();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = sample();
  return 1 - (after.idle - before.idle) / (after.total - before.total);
}

function machine() {
  const cpu = cpus();
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO, encoding: "utf8" }).trim();
  } catch {
    // not a git checkout
  }
  return { cpu: cpu[0]?.model.trim() ?? "unknown", cores: cpu.length, node: process.version, commit };
}

async function main() {
  const bareUrl = targetBareUrl ?? `${await startBareApp(cleanups)}/api/ping`;
  const ourApp = targetUrl ? { base: targetUrl } : await startOurApp(cleanups, { build: !options["no-build"] });
  const appBase = ourApp.base;
  serverOutput = ourApp.output;
  await answers200(bareUrl);
  await answers200(`${appBase}/api/health`);
  log(account ? `signing in as ${account.email}` : `signing up and signing in ${USERS} users`);
  const cookies = await sessionCookies(appBase, USERS, account);
  const targets = workloads(appBase, bareUrl, cookies);

  const busy = await busyShare();
  if (busy > 0.2) log(`warning: ${Math.round(busy * 100)}% of the CPU is busy with other work while both servers idle; the numbers will be noisy`);
  log(`warming up (${WARMUP_SECONDS} s per target)`);
  await measure("warm-up bare", targets.bare, 32, WARMUP_SECONDS);
  await measure("warm-up GET @me", targets.get, 32, WARMUP_SECONDS);
  await measure("warm-up PATCH @me", targets.patch, USERS, WARMUP_SECONDS);

  const results = measurements.map(() => []);
  for (let round = 1; round <= rounds; round++) {
    for (const [index, measurement] of measurements.entries()) {
      // Alternate who goes first so a drift over the run does not always favour one side.
      const order = (round + index) % 2 ? ["bare", "app"] : ["app", "bare"];
      const pair = {};
      for (const side of order) {
        const workload = side === "bare" ? targets.bare : targets[measurement.app];
        const label = `round ${round}/${rounds}, ${measurement.name}: ${side === "bare" ? "bare handler" : "our app"}`;
        pair[side] = await measure(label, workload, measurement.connections, seconds);
        log(`${label}: ${Math.round(pair[side].throughput)} req/s, p99 ${pair[side].p99.toFixed(1)} ms`);
      }
      results[index].push(pair);
    }
  }

  const summaries = measurements.map((measurement, index) => summarise(measurement, results[index]));
  let postgres = "unknown";
  try {
    postgres = await postgresVersion();
  } catch {
    // --url against an app whose database we cannot see
  }
  const host = machine();
  const header = [
    `machine: ${host.cpu}, ${host.cores} cores, Node ${host.node}, PostgreSQL ${postgres}; commit ${host.commit}`,
    `${rounds} rounds × ${seconds} s per measurement, interleaved bare/app; median over rounds; client and servers share the machine (${Math.round(busy * 100)}% busy with other work before the run)`,
    account ? `one user (${account.email}) on every connection` : `${USERS} users, one cookie per connection`,
  ].join("\n");
  const text = `${header}\n\n${table(summaries)}\n`;
  if (options.json) {
    process.stderr.write(text);
    process.stdout.write(`${JSON.stringify({ machine: { ...host, postgres, busyBeforeRun: busy }, rounds, seconds, users: account ? 1 : USERS, results: summaries }, null, 2)}\n`);
  } else {
    process.stdout.write(text);
  }
  return summaries.every((summary) => summary.pass);
}

let serverOutput;
let exitCode = 0;
try {
  const allPassed = await main();
  if (options.check && !allPassed) exitCode = 1;
} catch (error) {
  log(`failed: ${error instanceof Error ? error.message : error}`);
  const tail = serverOutput?.().trim().split("\n").slice(-30).join("\n");
  if (tail) log(`our app's last output:\n${tail}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
