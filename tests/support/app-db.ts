import type { AppPrismaClient } from "@/lib/db/create-client";

type Handle = { client: AppPrismaClient; close: () => Promise<void> };
const globalForDb = globalThis as unknown as { appDb?: Handle };

/** Points the app's `db()` at another client (another database, or another "instance"); returns a restore. */
export function installAppDb(client: AppPrismaClient): () => void {
  const previous = globalForDb.appDb;
  globalForDb.appDb = { client, close: async () => {} };
  return () => {
    globalForDb.appDb = previous;
  };
}
