import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export type AdapterHandle = {
  /** Usable as PrismaClient's `adapter` and by the wasm schema engine. */
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Releases what this module opened (the PGlite instance); the pg pool belongs to its adapter. */
  close(): Promise<void>;
};

/** `DATABASE_URL` set → PostgreSQL; otherwise PGlite persisted at `PGLITE_DIR` (default `.data/pglite`). */
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  const dir = env.PGLITE_DIR?.trim() || path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "pglite");
  return { kind: "pglite", dir: path.resolve(/*turbopackIgnore: true*/ dir) };
}

function poolMax(env: NodeJS.ProcessEnv): number {
  const n = Number.parseInt(env.DATABASE_POOL_MAX ?? "", 10);
  return Number.isFinite(n) && n > 0 ? n : 10;
}

export function createAdapterFactory(
  target: DatabaseTarget,
  env: NodeJS.ProcessEnv = process.env,
): AdapterHandle {
  if (target.kind === "postgres") {
    const factory = new PrismaPg({ connectionString: target.url, max: poolMax(env) });
    return { factory, close: async () => {} };
  }
  mkdirSync(target.dir, { recursive: true });
  const pglite = new PGlite(target.dir);
  const factory = new PrismaPGlite(pglite);
  return {
    factory,
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
