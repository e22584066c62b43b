import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { testDatabaseUrl } from "../support/test-database";

const names = [`accounts_cleanup_${process.pid}_vitest`, `accounts_cleanup_${process.pid}_e2e`];
const urlOf = (name: string) => {
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

let admin: pg.Client;
beforeAll(async () => {
  const url = new URL(testDatabaseUrl());
  url.pathname = "/postgres";
  admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
});
afterAll(async () => {
  for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

it("the test command drops the vitest and Playwright databases when it ends", async () => {
  for (const name of names) await admin.query(`CREATE DATABASE "${name}"`);
  const run = spawnSync("node", ["scripts/run-tests.mjs"], {
    encoding: "utf8",
    env: { ...process.env, TEST_STEPS: "none", TEST_DATABASE_URL: urlOf(names[0]!), E2E_DATABASE_URL: urlOf(names[1]!) },
  });
  expect(run.stdout).toContain("0 passed, 0 failed, 0 skipped");
  expect(run.status).toBe(0);
  const left = await admin.query("SELECT datname FROM pg_database WHERE datname = ANY($1)", [names]);
  expect(left.rows).toEqual([]);
});
