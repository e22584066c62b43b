import { randomUUID } from "node:crypto";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/create-client";
import { migrateDatabase } from "@/lib/db/migrate";
import { installAppDb } from "./app-db";
import { testDatabaseUrl } from "./test-database";

async function admin(fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const url = new URL(testDatabaseUrl());
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A migrated database of this test file's own, installed as the app's Prisma client for the file
 * (each file runs in its own process). For invariants over the whole table, such as "the last
 * staff user", that files sharing `accounts_test` would make non-deterministic.
 */
export async function useIsolatedDatabase(): Promise<{ teardown: () => Promise<void> }> {
  const name = `accounts_isolated_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  await migrateDatabase({ kind: "postgres", url: url.toString() });
  const { client, close } = createPrismaClient({ kind: "postgres", url: url.toString() });
  const restore = installAppDb(client);
  return {
    teardown: async () => {
      restore();
      await close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
