import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapterFactory, type DatabaseTarget } from "./connection";

function build(target: DatabaseTarget) {
  const { factory, close } = createAdapterFactory(target);
  // The password hash is omitted from every query unless a query asks for it explicitly.
  const client = new PrismaClient({ adapter: factory, omit: { user: { passwordHash: true } } });
  return { client, close };
}

export type AppPrismaClient = ReturnType<typeof build>["client"];

export function createPrismaClient(target: DatabaseTarget): { client: AppPrismaClient; close: () => Promise<void> } {
  const { client, close } = build(target);
  return {
    client,
    close: async () => {
      await client.$disconnect();
      await close();
    },
  };
}
