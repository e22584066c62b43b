import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { contractChecked } from "./api-contract";

/**
 * One pass through next-auth's real credentials flow (CSRF token, then the callback), with a
 * second-factor code in `otp` when given: "signed-in", or the `error` code next-auth answered
 * (`CredentialsSignin`, `2fa_required`, `2fa_invalid`, `throttled`).
 */
export async function signInAttempt(api: APIRequestContext, email: string, password: string, otp?: string): Promise<string> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, ...(otp === undefined ? {} : { otp }), json: "true" },
    maxRedirects: 0,
  });
  const location = (response.headers()["content-type"] ?? "").startsWith("application/json")
    ? ((await response.json()) as { url?: string }).url
    : response.headers().location;
  const error = location ? new URL(location, baseURL).searchParams.get("error") : null;
  if (error) return error;
  const me = await api.get("/api/users/@me");
  return me.status() === 200 ? "signed-in" : `no session (${me.status()})`;
}

/** Signs in through next-auth's real credentials flow (CSRF token, then the callback). */
export async function signIn(api: APIRequestContext, email: string, password: string, otp?: string): Promise<void> {
  expect(await signInAttempt(api, email, password, otp), `signed in as ${email}`).toBe("signed-in");
}

/** A signed-in API client with its own cookie jar; the caller disposes it. */
export async function apiAs(account: { email: string; password: string }): Promise<APIRequestContext> {
  const api = contractChecked(await playwrightRequest.newContext({ baseURL }));
  await signIn(api, account.email, account.password);
  return api;
}
