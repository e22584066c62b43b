import { randomUUID } from "node:crypto";
import { test as base, expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { baseURL, E2E_STAFF } from "../../playwright.config";

export const PASSWORD = "e2e-correct-horse-battery";

export interface Account {
  email: string;
  password: string;
  uuid: string;
}

/** Writes from our own pages carry this Origin; API contract tests send it like a browser would. */
export const SAME_ORIGIN = { origin: baseURL };

/** Signs in through next-auth's real credentials flow (CSRF token, then the callback). */
export async function signIn(api: APIRequestContext, email: string, password: string): Promise<void> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
  const me = await api.get("/api/users/@me");
  expect(me.status(), `signed in as ${email}`).toBe(200);
}

/** A new account of the test's own, created through the public sign-up API. */
export async function createAccount(firstName = "E2E"): Promise<Account> {
  const api = await playwrightRequest.newContext({ baseURL });
  const email = `e2e-${randomUUID()}@example.test`;
  const response = await api.post("/api/signup", { data: { email, password: PASSWORD, first_name: firstName } });
  expect(response.status()).toBe(201);
  const { uuid } = (await response.json()) as { uuid: string };
  await api.dispose();
  return { email, password: PASSWORD, uuid };
}

/** A signed-in API client with its own cookie jar. */
export async function apiAs(account: { email: string; password: string }): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  await signIn(api, account.email, account.password);
  return api;
}

interface Fixtures {
  account: Account;
  other: Account;
  userApi: APIRequestContext;
  staffApi: APIRequestContext;
  anonApi: APIRequestContext;
}

export const test = base.extend<Fixtures>({
  account: async ({}, use) => use(await createAccount()),
  other: async ({}, use) => use(await createAccount("Other")),
  userApi: async ({ account }, use) => {
    const api = await apiAs(account);
    await use(api);
    await api.dispose();
  },
  staffApi: async ({}, use) => {
    const api = await apiAs(E2E_STAFF);
    await use(api);
    await api.dispose();
  },
  anonApi: async ({}, use) => {
    const api = await playwrightRequest.newContext({ baseURL });
    await use(api);
    await api.dispose();
  },
});

export { expect };
