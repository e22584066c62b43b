import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { prismaClientFor } from "@/lib/db/create-client";
import { installAppDb } from "./app-db";
import { testDatabaseUrl } from "./test-database";

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE|SET TRANSACTION)\b/i;

/** What one measured piece of work sent to PostgreSQL, in order. */
export interface StatementLog {
  /** Everything, in the order sent. */
  all: string[];
  /** Every statement except transaction control. */
  statements: string[];
  /** BEGIN, COMMIT, ROLLBACK, savepoints. */
  transactionControl: string[];
}

let recording: StatementLog | null = null;

function sqlOf(query: unknown): string {
  if (typeof query === "string") return query;
  if (query && typeof query === "object" && "text" in query && typeof query.text === "string") return query.text;
  return String(query);
}

function record(query: unknown): void {
  if (!recording) return;
  const sql = sqlOf(query).trim();
  recording.all.push(sql);
  (TRANSACTION_CONTROL.test(sql) ? recording.transactionControl : recording.statements).push(sql);
}

// Every statement, pooled or inside a transaction, reaches PostgreSQL through a pg.Client's query.
class CountingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    Object.defineProperty(this, "query", {
      value: (...args: unknown[]) => {
        record(args[0]);
        return query(...args);
      },
    });
  }
}

/**
 * Installs the app's Prisma client over a pool whose connections log the SQL they send;
 * `measure` records what one piece of work (one in-process request) sent. Requests measured must
 * not overlap: the log is per process.
 */
export function useStatementCountingDb(): { measure<T>(work: () => Promise<T>): Promise<{ result: T; log: StatementLog }>; teardown(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 4, Client: CountingClient });
  const client = prismaClientFor(new PrismaPg(pool));
  const restore = installAppDb(client, async ({ text, values }) => (await pool.query({ text, values: [...values] })).rows);
  return {
    async measure(work) {
      if (recording) throw new Error("Statement measurements must not overlap.");
      const log: StatementLog = { all: [], statements: [], transactionControl: [] };
      recording = log;
      try {
        return { result: await work(), log };
      } finally {
        recording = null;
      }
    },
    async teardown() {
      restore();
      await client.$disconnect();
      await pool.end();
    },
  };
}
