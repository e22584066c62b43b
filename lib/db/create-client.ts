import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapterFactory, type DatabaseTarget, type RawQuery } from "./connection";

/** The app's client settings over any driver adapter (tests pass one over an instrumented pool). */
export function prismaClientFor(adapter: SqlDriverAdapterFactory) {
  // The password hash is omitted from every query unless a query asks for it explicitly.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type AppPrismaClient = ReturnType<typeof prismaClientFor>;

export function createPrismaClient(target: DatabaseTarget): { client: AppPrismaClient; raw: RawQuery; close: () => Promise<void> } {
  const { factory, raw, close } = createAdapterFactory(target);
  const client = prismaClientFor(factory);
  return {
    client,
    raw,
    close: async () => {
      await client.$disconnect();
      await close();
    },
  };
}
