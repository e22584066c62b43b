import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { parseDatabaseConfig } from "../config-schema";

/** How long a request waits for a database connection before it answers 503. */
export const CONNECT_TIMEOUT_MS = 3000;

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

/** One SQL statement with `$1`-style placeholders. */
export interface RawStatement {
  text: string;
  values: readonly unknown[];
}

/** Runs a statement on the driver itself, past Prisma's query engine, for the per-request hot path. */
export type RawQuery = <T>(statement: RawStatement) => Promise<T[]>;

export type AdapterHandle = {
  /** Usable as PrismaClient's `adapter` and by the wasm schema engine. */
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** The same connections as the adapter's (one pool, one embedded database). */
  raw: RawQuery;
  /**
   * Runs a multi-statement script whole, as `psql` would: the migrations' runner. PrismaPg's own
   * `executeScript` splits on every `;` (breaking function bodies), and pglite-prisma-adapter's
   * does not wait for the script, so a failing migration would be recorded as applied.
   */
  runScript(script: string): Promise<void>;
  /** Releases what this module opened (the pg pool, the PGlite instance). */
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

// The hot path's statements run on every request: prepared once per connection, PostgreSQL parses
// and plans them once instead of each time (its CPU is shared with the app's on small machines).
const statementNames = new Map<string, string>();
/** Texts whose prepared form broke (a table's columns changed under `SELECT *`): sent unprepared. */
const unpreparable = new Set<string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `raw_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

async function preparedQuery<T>(pool: pg.Pool, { text, values }: RawStatement): Promise<T[]> {
  if (unpreparable.has(text)) return (await pool.query({ text, values: [...values] })).rows as T[];
  try {
    return (await pool.query({ name: statementName(text), text, values: [...values] })).rows as T[];
  } catch (error) {
    // "cached plan must not change result type": a migration changed a table under a running server.
    if ((error as { code?: string }).code !== "0A000") throw error;
    unpreparable.add(text);
    return (await pool.query({ text, values: [...values] })).rows as T[];
  }
}

export function createAdapterFactory(
  target: DatabaseTarget,
  env: NodeJS.ProcessEnv = process.env,
): AdapterHandle {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: parseDatabaseConfig(env).databasePoolMax,
      // node-postgres waits forever by default, for a new connection and for a free pool slot alike:
      // with the database unreachable, requests would hang instead of answering 503.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // An idle connection that drops emits here (and would crash the process unheard); the next
    // query then opens a fresh one, or fails as a 503.
    pool.on("error", () => {});
    return {
      factory: new PrismaPg(pool),
      raw: (statement) => preparedQuery(pool, statement),
      // Without parameters, node-postgres uses the simple query protocol: one implicit transaction.
      runScript: async (script) => {
        await pool.query(script);
      },
      close: async () => {
        if (!pool.ended) await pool.end();
      },
    };
  }
  mkdirSync(target.dir, { recursive: true });
  const pglite = new PGlite(target.dir);
  return {
    factory: new PrismaPGlite(pglite),
    raw: async <T>({ text, values }: RawStatement) => (await pglite.query<T>(text, [...values])).rows,
    runScript: async (script) => {
      await pglite.exec(script);
    },
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
