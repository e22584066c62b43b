import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrate";
import { readMigrationsList } from "@/lib/db/schema-engine";

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
