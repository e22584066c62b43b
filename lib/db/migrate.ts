import pg from "pg";
import { createAdapterFactory, type DatabaseTarget } from "./connection";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from "./schema-engine";

/** Creates the database named in a PostgreSQL URL if it is missing (via the `postgres` db). */
export async function ensurePostgresDatabase(url: string): Promise<boolean> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!name || name === "postgres") return false;
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** Applies pending migrations to `target` (creating a missing PostgreSQL database first). */
export async function migrateDatabase(
  target: DatabaseTarget,
  migrationsDir: string = DEFAULT_MIGRATIONS_DIR,
): Promise<{ applied: string[]; createdDatabase: boolean }> {
  const createdDatabase = target.kind === "postgres" ? await ensurePostgresDatabase(target.url) : false;
  const { factory, runScript, close } = createAdapterFactory(target);
  try {
    return { applied: await applyMigrations(factory, migrationsDir, DEFAULT_SCHEMA_PATH, runScript), createdDatabase };
  } finally {
    await close();
  }
}
