import "server-only";
import { createPrismaClient, type AppPrismaClient } from "./create-client";
import { resolveDatabaseTarget } from "./connection";

type Handle = ReturnType<typeof createPrismaClient>;
const globalForDb = globalThis as unknown as { appDb?: Handle };

/** One Prisma client per process, created on first use so builds never open the database. */
export function db(): AppPrismaClient {
  globalForDb.appDb ??= createPrismaClient(resolveDatabaseTarget());
  return globalForDb.appDb.client;
}

/** For scripts: releases the pool, or the embedded database, so the process can exit. */
export async function closeDb(): Promise<void> {
  const handle = globalForDb.appDb;
  globalForDb.appDb = undefined;
  await handle?.close();
}
