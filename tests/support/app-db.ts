import type { RawQuery } from "@/lib/db/connection";
import type { AppPrismaClient } from "@/lib/db/create-client";

type Handle = { client: AppPrismaClient; raw?: RawQuery; close: () => Promise<void> };
const globalForDb = globalThis as unknown as { appDb?: Handle };

/**
 * Points the app's `db()` (and its raw statements) at another client (another database, or another
 * "instance"); without `raw`, raw statements go through the client. Returns a restore.
 */
export function installAppDb(client: AppPrismaClient, raw?: RawQuery): () => void {
  const previous = globalForDb.appDb;
  globalForDb.appDb = { client, raw, close: async () => {} };
  return () => {
    globalForDb.appDb = previous;
  };
}
