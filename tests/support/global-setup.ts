import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";
import { testDatabaseUrl } from "./test-database";

/** A fresh database per run, migrated with the same runner production uses. Tests own their rows. */
export default async function setup(): Promise<void> {
  const url = testDatabaseUrl();
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await migrateDatabase({ kind: "postgres", url });
}
