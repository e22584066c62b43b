// The JavaScript each settings page ships on first load (gzip), and the hedgehog's lazy chunks
// apart. Sizes are deterministic for a build: no load, no rounds. Loopback only.
//   node bench/page-weight.mjs [--no-build] [--json] [--check]
// e2e/page-weight.spec.ts proves the same budget in Chromium (every JS response, after hydration).
import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { cleanUpOnExit, log, runStep } from "./lib/processes.mjs";
import { BENCH_DATABASE, REPO, startOurApp } from "./lib/servers.mjs";
import { signIn } from "./lib/sessions.mjs";

const { values: options } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    check: { type: "boolean", default: false },
  },
});

/** The budget per page, the hedgehog page's lazy chunk apart. */
const BUDGET_BYTES = 200 * 1000;
const PAGES = ["/settings/profile", "/settings/preferences", "/settings/security", "/settings/api-keys", "/settings/integrations", "/settings/hedgehog", "/admin/users", "/admin/audit"];
/** Found only in @posthog/hedgehog-mode's code, and only in pixi's WebGL renderer (loaded when a game starts). */
const PACKAGE_MARKER = "hedgehog-mode-root";
const RENDERER_MARKER = "webglcontextrestored";

const { cleanups, cleanUp } = cleanUpOnExit();

async function staffCookie(base) {
  const email = `bench-weight-${randomBytes(4).toString("hex")}@example.test`;
  const password = `bench-${randomBytes(12).toString("hex")}`;
  await runStep("create a staff user", join(REPO, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/create-user.ts", "--email", email, `--password=${password}`, "--staff", "--first-name", "Bench"], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${BENCH_DATABASE}` },
    timeoutMs: 60_000,
  });
  return signIn(base, email, password);
}

const gzipBytes = (buffer) => gzipSync(buffer).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** The scripts a page's document names: what it needs to hydrate, before anything lazy. */
async function firstLoadScripts(base, path, cookie, cache) {
  const response = await fetch(new URL(path, base), { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  // `noModule` polyfills are for browsers without ES modules; current ones never fetch them.
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]).filter((attributes) => !/\snomodule/i.test(attributes));
  const sources = [...new Set(tags.flatMap((attributes) => [...attributes.matchAll(/\ssrc="([^"]+)"/g)].map((src) => new URL(src[1], base).pathname)))];
  const scripts = [];
  for (const source of sources) {
    if (!cache.has(source)) {
      const script = await fetch(new URL(source, base), { signal: AbortSignal.timeout(30_000) });
      const body = Buffer.from(await script.arrayBuffer());
      cache.set(source, { gzip: gzipBytes(body), hedgehog: body.includes(PACKAGE_MARKER) });
    }
    scripts.push({ source, ...cache.get(source) });
  }
  return scripts;
}

/** Chunks of the build that only load on demand: the package, and pixi's renderer. */
async function lazyChunks() {
  const dir = join(REPO, ".next/static/chunks");
  const found = { hedgehog: [], renderer: [] };
  for (const name of await readdir(dir)) {
    if (!name.endsWith(".js")) continue;
    const body = await readFile(join(dir, name));
    if (body.includes(PACKAGE_MARKER)) found.hedgehog.push({ name, raw: body.length, gzip: gzipBytes(body) });
    else if (body.includes(RENDERER_MARKER)) found.renderer.push({ name, raw: body.length, gzip: gzipBytes(body) });
  }
  return found;
}

async function main() {
  const app = await startOurApp(cleanups, { build: !options["no-build"] });
  const cookie = await staffCookie(app.base);
  const cache = new Map();
  const pages = [];
  for (const path of PAGES) {
    const scripts = await firstLoadScripts(app.base, path, cookie, cache);
    const shipped = scripts.filter((script) => !script.hedgehog).reduce((sum, script) => sum + script.gzip, 0);
    pages.push({ path, scripts: scripts.length, gzipBytes: shipped, hedgehogInFirstLoad: scripts.some((script) => script.hedgehog), pass: shipped <= BUDGET_BYTES });
  }
  const lazy = await lazyChunks();
  const rows = pages.map((page) => `| ${page.path} | ${page.scripts} | ${kb(page.gzipBytes)} | ${page.pass ? "met" : "missed"}${page.hedgehogInFirstLoad ? " (hedgehog package in first load!)" : ""} |`);
  const lazyRows = [
    ...lazy.hedgehog.map((chunk) => `| hedgehog package chunk ${chunk.name} (the preview, the avatar, the game) | ${kb(chunk.raw)} raw | ${kb(chunk.gzip)} |`),
    ...lazy.renderer.map((chunk) => `| pixi WebGL renderer ${chunk.name} (only after "Let it play") | ${kb(chunk.raw)} raw | ${kb(chunk.gzip)} |`),
  ];
  const text = [
    `JavaScript on first load (gzip; the scripts each page's HTML names), budget ${kb(BUDGET_BYTES)} per page:`,
    "",
    "| page | scripts | gzip | budget |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    "Loaded lazily, never in a first load:",
    "",
    "| chunk | size | gzip |",
    "| --- | --- | --- |",
    ...lazyRows,
    "",
  ].join("\n");
  if (options.json) {
    process.stderr.write(text);
    process.stdout.write(`${JSON.stringify({ budgetBytes: BUDGET_BYTES, pages, lazy }, null, 2)}\n`);
  } else {
    process.stdout.write(text);
  }
  return pages.every((page) => page.pass && !page.hedgehogInFirstLoad) && lazy.hedgehog.length === 1;
}

let exitCode = 0;
try {
  const allPassed = await main();
  if (options.check && !allPassed) exitCode = 1;
} catch (error) {
  log(`failed: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
