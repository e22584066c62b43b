import "server-only";
import { createPrismaClient, type AppPrismaClient } from "./create-client";
import { resolveDatabaseTarget, type RawStatement } from "./connection";

/** `raw` is absent where tests install a client of their own: then raw statements go through it. */
type Handle = Omit<ReturnType<typeof createPrismaClient>, "raw"> & Partial<Pick<ReturnType<typeof createPrismaClient>, "raw">>;
const globalForDb = globalThis as unknown as { appDb?: Handle };

function handle(): Handle {
  globalForDb.appDb ??= createPrismaClient(resolveDatabaseTarget());
  return globalForDb.appDb;
}

/** One Prisma client per process, created on first use so builds never open the database. */
export function db(): AppPrismaClient {
  return handle().client;
}

/**
 * A statement on the hot path (the per-request session check, the user's memberships), sent by
 * the driver directly: Prisma's engine costs about three times the driver's CPU per statement.
 * Outside transactions only; rows come back as the driver types them (the same as `$queryRaw`).
 */
export function rawQuery<T>(statement: RawStatement): Promise<T[]> {
  const { client, raw } = handle();
  return raw ? raw<T>(statement) : client.$queryRawUnsafe<T[]>(statement.text, ...statement.values);
}

/** For scripts: releases the pool, or the embedded database, so the process can exit. */
export async function closeDb(): Promise<void> {
  const handle = globalForDb.appDb;
  globalForDb.appDb = undefined;
  await handle?.close();
}
