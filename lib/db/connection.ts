import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { parseDatabaseConfig } from "../config-schema";

/** How long a request waits for a database connection before it answers 503. */
export const CONNECT_TIMEOUT_MS = 3000;

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export type AdapterHandle = {
  /** Usable as PrismaClient's `adapter` and by the wasm schema engine. */
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Releases what this module opened (the PGlite instance); the pg pool belongs to its adapter. */
  close(): Promise<void>;
};

/**
 * `DATABASE_URL` set → PostgreSQL; otherwise PGlite persisted at `PGLITE_DIR` (default `.data/pglite`).
 * Takes the variables as a parameter (validated by the app's configuration rules) so scripts and tests can pass their own.
 */
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const { databaseUrl, pgliteDir } = parseDatabaseConfig(env);
  if (databaseUrl) return { kind: "postgres", url: databaseUrl };
  return { kind: "pglite", dir: path.resolve(/*turbopackIgnore: true*/ pgliteDir) };
}

export function createAdapterFactory(
  target: DatabaseTarget,
  env: NodeJS.ProcessEnv = process.env,
): AdapterHandle {
  if (target.kind === "postgres") {
    const factory = new PrismaPg({
      connectionString: target.url,
      max: parseDatabaseConfig(env).databasePoolMax,
      // node-postgres waits forever by default, for a new connection and for a free pool slot alike:
      // with the database unreachable, requests would hang instead of answering 503.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
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
