import { test as base, expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import type { AppPrismaClient } from "@/lib/db/create-client";
import { baseURL } from "../../playwright.config";
import { contractChecked } from "./api-contract";
import { UserFactory, connectE2eDatabase, type TestUser } from "./users";

export { PASSWORD, type TestUser, type UserOptions } from "./users";
export { apiAs, signIn, signInAttempt } from "./sign-in";

/** Writes from our own pages carry this Origin; API contract tests send it like a browser would. */
export const SAME_ORIGIN = { origin: baseURL };

interface WorkerFixtures {
  /** The e2e database, for creating users and re-reading rows after a refused write. */
  prisma: AppPrismaClient;
}

interface Fixtures {
  users: UserFactory;
  account: TestUser;
  other: TestUser;
  staff: TestUser;
  userApi: APIRequestContext;
  staffApi: APIRequestContext;
  anonApi: APIRequestContext;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  prisma: [
    async ({}, use) => {
      const { client, close } = connectE2eDatabase();
      await use(client);
      await close();
    },
    { scope: "worker" },
  ],
  users: async ({ prisma }, use) => {
    const users = new UserFactory(prisma);
    try {
      await use(users);
    } finally {
      await users.cleanup();
    }
  },
  account: async ({ users }, use) => use(await users.create()),
  other: async ({ users }, use) => use(await users.create({ firstName: "Other" })),
  staff: async ({ users }, use) => use(await users.create({ staff: true, firstName: "Staff" })),
  userApi: async ({ users, account }, use) => use(await users.signIn(account)),
  staffApi: async ({ users, staff }, use) => use(await users.signIn(staff)),
  anonApi: async ({}, use) => {
    const api = contractChecked(await playwrightRequest.newContext({ baseURL }));
    await use(api);
    await api.dispose();
  },
});

export { expect };
