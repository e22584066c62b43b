// The two servers under test: a bare Next.js app built in a temporary folder (the framework's own
// ceiling on this machine) and our app on a fresh PostgreSQL database.
import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort, log, runStep, startServer } from "./processes.mjs";
import { SERVER_NODE_FLAGS } from "../../server-flags.mjs";

export const REPO = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
const NEXT = join(REPO, "node_modules/.bin/next");
const BUILD_TIMEOUT_MS = 300_000;
const START_TIMEOUT_MS = 60_000;

const BARE_FILES = {
  "package.json": JSON.stringify({ type: "module" }),
  // The node_modules symlink points outside the folder; Turbopack only follows it inside its root.
  "next.config.js": 'export default { turbopack: { root: "/" } };\n',
  "app/layout.js": "export default function RootLayout({ children }) {\n  return <html lang=\"en\"><body>{children}</body></html>;\n}\n",
  "app/api/ping/route.js": [
    'export const dynamic = "force-dynamic";',
    "",
    "export function GET() {",
    '  return Response.json({ ok: true, service: "bare", version: 1, time: Date.now() });',
    "}",
    "",
  ].join("\n"),
};

function nodeEnv(extra) {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

/** Builds and starts the bare app; `cleanup` removes its folder. */
export async function startBareApp(cleanups) {
  const dir = await mkdtemp(join(tmpdir(), "bench-bare-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(BARE_FILES)) {
    await mkdir(join(dir, file, ".."), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  await symlink(join(REPO, "node_modules"), join(dir, "node_modules"));
  log(`building the bare app in ${dir}`);
  await runStep("next build (bare app)", NEXT, ["build"], { cwd: dir, env: nodeEnv({ NODE_ENV: "production" }), timeoutMs: BUILD_TIMEOUT_MS });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  await startServer("bare app", NEXT, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    env: nodeEnv({ NODE_ENV: "production" }),
    readyUrl: `${base}/api/ping`,
    timeoutMs: START_TIMEOUT_MS,
  });
  log(`bare app on ${base}`);
  return base;
}

const ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
// One database per run: two runs at once (people share this machine) must not drop each other's.
export const BENCH_DATABASE = `accounts_bench_${process.pid}`;

async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function dropBenchDatabase() {
  await adminQuery(`DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`);
}

export async function postgresVersion() {
  const { rows } = await adminQuery("SHOW server_version");
  return rows[0].server_version;
}

/**
 * Others rebuild `.next` in the shared tree at any time, which breaks a server running from it;
 * the bench serves a copy of the build instead, checked to be one build from start to end.
 */
async function snapshotBuild(cleanups) {
  const buildId = () => readFile(join(REPO, ".next/BUILD_ID"), "utf8").catch(() => null);
  const before = await buildId();
  if (!before) throw new Error("no production build in .next (run without --no-build)");
  const dir = await mkdtemp(join(tmpdir(), "bench-app-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(join(REPO, ".next"), join(dir, ".next"), { recursive: true, filter: (source) => !source.startsWith(join(REPO, ".next/cache")) });
  for (const file of ["next.config.js", "lib/security-headers.mjs", "package.json", "public", "server.mjs"]) {
    await cp(join(REPO, file), join(dir, file), { recursive: true });
  }
  await symlink(join(REPO, "node_modules"), join(dir, "node_modules"));
  if ((await buildId()) !== before) throw new Error(".next was rebuilt while the bench copied it; run again");
  return dir;
}

/** Optionally builds our app, then starts a copy of the build on a freshly migrated database. */
export async function startOurApp(cleanups, { build }) {
  const databaseUrl = `postgresql://postgres@127.0.0.1:5432/${BENCH_DATABASE}`;
  if (build) {
    log("building our app (next build in the repo, 30-60 s)");
    await runStep("next build (our app)", NEXT, ["build"], { cwd: REPO, env: nodeEnv({ NODE_ENV: "production" }), timeoutMs: BUILD_TIMEOUT_MS });
  }
  await dropBenchDatabase();
  cleanups.push(dropBenchDatabase);
  log(`migrating ${BENCH_DATABASE}`);
  await runStep("migrations", join(REPO, "node_modules/.bin/tsx"), ["scripts/migrate.ts"], {
    cwd: REPO,
    env: nodeEnv({ DATABASE_URL: databaseUrl }),
    timeoutMs: 120_000,
  });
  const appDir = await snapshotBuild(cleanups);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer("our app", process.execPath, [...SERVER_NODE_FLAGS, "server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: appDir,
    env: nodeEnv({
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      TWO_FACTOR_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
      NEXTAUTH_URL: base,
      LOG_LEVEL: "warn",
      RATE_LIMIT_SIGNUP_LIMIT: "100000",
      NODE_ENV: "production",
    }),
    readyUrl: `${base}/api/health`,
    timeoutMs: START_TIMEOUT_MS,
  });
  log(`our app on ${base}`);
  return { base, output: server.output };
}
