// `npm run db:migration:create -- <name>`: writes the SQL that brings prisma/migrations up to
// prisma/schema.prisma as a new Prisma Migrate migration (what `prisma migrate dev --create-only`
// would write), computed by the wasm schema engine on an in-memory PGlite.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  DEFAULT_MIGRATIONS_DIR,
  diffSchemaFromMigrations,
  MIGRATION_LOCK_CONTENT,
} from "@/lib/db/schema-engine";

function timestamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

const raw = process.argv.slice(2).join("_").trim();
const name = raw.toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
if (!name) {
  console.error("usage: npm run db:migration:create -- <name>");
  process.exit(1);
}

try {
  const { sql, hasChanges } = await diffSchemaFromMigrations();
  if (!hasChanges) {
    console.error("migrations: no changes (prisma/schema.prisma matches prisma/migrations); nothing written");
    process.exit(1);
  }
  const baseDir = path.resolve(DEFAULT_MIGRATIONS_DIR);
  const dirName = `${timestamp()}_${name}`;
  const dir = path.join(baseDir, dirName);
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`);
  const lock = path.join(baseDir, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, MIGRATION_LOCK_CONTENT);
  console.log(`migrations: wrote ${path.relative(process.cwd(), path.join(dir, "migration.sql"))}`);
} catch (error) {
  console.error("migrations: could not create the migration");
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
