import { randomUUID } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrate";
import { DEFAULT_MIGRATIONS_DIR, readMigrationsList } from "@/lib/db/schema-engine";

const adminUrl =
  process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `migrations_apply_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe("migrations applied to a fresh PostgreSQL database", () => {
  beforeAll(async () => {
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${dbName}"`));
  });

  afterAll(async () => {
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  });

  it("applies every migration once and records it like `prisma migrate deploy`", async () => {
    const folders = readMigrationsList().migrationDirectories.map((d) => d.path);
    expect(folders.length).toBeGreaterThan(0);
    const first = await migrateDatabase({ kind: "postgres", url: dbUrl });
    expect(first.createdDatabase).toBe(false);
    expect(first.applied).toEqual(folders);

    await withClient(dbUrl, async (c) => {
      const rows = await c.query<{ migration_name: string; finished: boolean; checksum: string }>(
        `SELECT migration_name, finished_at IS NOT NULL AS finished, checksum
           FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY migration_name`,
      );
      expect(rows.rows.map((r) => r.migration_name)).toEqual(folders);
      for (const r of rows.rows) {
        expect(r.finished).toBe(true);
        expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      }
      const users = await c.query<{ t: string | null }>(`SELECT to_regclass('public.users')::text AS t`);
      expect(users.rows[0]?.t).toBe("users");
    });

    const second = await migrateDatabase({ kind: "postgres", url: dbUrl });
    expect(second.applied).toEqual([]);
  });
});

/** A migrations folder: the lock file, a function whose body holds `;`, then one that fails. */
function scratchMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  cpSync(path.join(DEFAULT_MIGRATIONS_DIR, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
  const write = (name: string, sql: string) => {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  };
  write("20260101000000_function", "CREATE TABLE t (n int);\nCREATE FUNCTION bump() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.n := NEW.n + 1;\n  RETURN NEW;\nEND\n$$;\n");
  write("20260102000000_broken", "INSERT INTO t VALUES (1);\nSELECT no_such_function();\n");
  return dir;
}

describe("migration scripts run whole, and a failing one stops the run", () => {
  it.each(["postgres", "pglite"] as const)("on %s: a function body with `;` applies; a failing script throws and is not recorded as applied", async (kind) => {
    const migrations = scratchMigrations();
    const name = `migrations_script_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
    const target = kind === "postgres" ? ({ kind, url } as const) : ({ kind, dir: path.join(migrations, "pglite") } as const);
    try {
      await expect(migrateDatabase(target, migrations)).rejects.toThrow(/no_such_function/);
      const read = async (sql: string) => {
        if (kind === "postgres") return withClient(url, async (c) => (await c.query(sql)).rows);
        const embedded = new PGlite(target.kind === "pglite" ? target.dir : "");
        try {
          return (await embedded.query(sql)).rows;
        } finally {
          await embedded.close();
        }
      };
      expect(await read("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1")).toEqual([{ migration_name: "20260101000000_function" }]);
      expect(await read("SELECT count(*)::int AS n FROM t")).toEqual([{ n: 0 }]);
    } finally {
      rmSync(migrations, { recursive: true, force: true });
      if (kind === "postgres") await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  });
});

