// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to PGlite at PGLITE_DIR.
import { resolveDatabaseTarget } from "@/lib/db/connection";
import { migrateDatabase } from "@/lib/db/migrate";

const target = resolveDatabaseTarget();
const where = target.kind === "postgres" ? redact(target.url) : `pglite ${target.dir}`;

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres";
  }
}

try {
  const started = performance.now();
  const { applied, createdDatabase } = await migrateDatabase(target);
  const ms = Math.round(performance.now() - started);
  if (createdDatabase) console.log(`migrations: created database (${where})`);
  console.log(
    applied.length
      ? `migrations: applied ${applied.length} (${applied.join(", ")}) to ${where} in ${ms} ms`
      : `migrations: up to date (${where})`,
  );
} catch (error) {
  console.error(`migrations: failed on ${where}`);
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
