// The whole suite: typecheck, Vitest (unit + integration on PostgreSQL), production build,
// Playwright (API contracts and pages in headless Chromium), the README's PostgreSQL walkthrough.
// Ends with one totals line, after dropping the databases the steps created.
// TEST_STEPS=typecheck,vitest,... runs only those steps (`none` runs none: just the clean-up).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";

const STEPS = ["prisma", "typecheck", "vitest", "build", "playwright", "walkthrough"];
const selected = new Set(process.env.TEST_STEPS ? process.env.TEST_STEPS.split(",").map((name) => name.trim()) : STEPS);
for (const name of selected) {
  if (name !== "none" && !STEPS.includes(name)) throw new Error(`TEST_STEPS: unknown step ${name} (steps: ${STEPS.join(", ")})`);
}

/** The databases vitest (tests/support/test-database.ts) and Playwright (playwright.config.ts) create. */
const TEST_DATABASES = [
  process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/accounts_test",
  process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/accounts_e2e",
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function step(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) problems.push(`${name} exited with ${result.status ?? result.signal}`);
  return result.status === 0;
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

function count(report, name, add) {
  if (report) add(report);
  else problems.push(`${name} wrote no report`);
}

async function dropDatabase(url) {
  const target = new URL(url);
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(target.hostname)) return;
  const admin = new URL(target);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${target.pathname.slice(1)}" WITH (FORCE)`);
  } catch (error) {
    problems.push(`could not drop ${target.pathname.slice(1)}: ${error.message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function runSteps() {
  if (selected.has("none")) return;
  rmSync("test-results", { recursive: true, force: true });
  mkdirSync("test-results", { recursive: true });

  if (selected.has("prisma")) step("prisma client", "node", ["scripts/prisma-generate.mjs"]);
  if (selected.has("typecheck")) step("typecheck", "npx", ["tsc", "--noEmit", "-p", "."]);

  if (selected.has("vitest")) {
    step("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
    count(readJson("test-results/vitest.json"), "vitest", (report) => {
      totals.passed += report.numPassedTests;
      totals.failed += report.numFailedTests;
      totals.skipped += report.numPendingTests + report.numTodoTests;
    });
  }

  const built = selected.has("build") ? step("build", "npx", ["next", "build"]) : true;
  if (selected.has("playwright") && built) {
    step("playwright", "npx", ["playwright", "test"]);
    count(readJson("test-results/playwright.json"), "playwright", (report) => {
      totals.passed += report.stats.expected + report.stats.flaky;
      totals.failed += report.stats.unexpected;
      totals.skipped += report.stats.skipped;
    });
  }

  // Last: it rebuilds the app in this tree, as the README does.
  if (selected.has("walkthrough")) {
    step("postgres walkthrough", "node", ["scripts/postgres-walkthrough.mjs"]);
    count(readJson("test-results/walkthrough.json"), "postgres walkthrough", (report) => {
      totals.passed += report.passed;
      totals.failed += report.failed;
    });
  }
}

try {
  runSteps();
} finally {
  // Whatever failed above: a run leaves no databases behind.
  for (const url of TEST_DATABASES) await dropDatabase(url);
}

for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(problems.length > 0 || totals.failed > 0 ? 1 : 0);
