// The whole suite: typecheck, Vitest (unit + integration on PostgreSQL), production build,
// Playwright (API contracts and pages in headless Chromium). Ends with one totals line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

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

rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });

step("prisma client", "node", ["scripts/prisma-generate.mjs"]);
step("typecheck", "npx", ["tsc", "--noEmit", "-p", "."]);

step("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
const vitest = readJson("test-results/vitest.json");
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else {
  problems.push("vitest wrote no report");
}

if (step("build", "npx", ["next", "build"])) {
  step("playwright", "npx", ["playwright", "test"]);
  const playwright = readJson("test-results/playwright.json");
  if (playwright) {
    totals.passed += playwright.stats.expected + playwright.stats.flaky;
    totals.failed += playwright.stats.unexpected;
    totals.skipped += playwright.stats.skipped;
  } else {
    problems.push("playwright wrote no report");
  }
}

for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(problems.length > 0 || totals.failed > 0 ? 1 : 0);
