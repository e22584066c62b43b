import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { contractChecked } from "./api-contract";

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

/** A signed-in API client with its own cookie jar; the caller disposes it. */
export async function apiAs(account: { email: string; password: string }): Promise<APIRequestContext> {
  const api = contractChecked(await playwrightRequest.newContext({ baseURL }));
  await signIn(api, account.email, account.password);
  return api;
}
