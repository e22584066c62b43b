import { expect, request as playwrightRequest } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { SAME_ORIGIN, apiAs, test } from "./support/fixtures";

test("the session cookie is HttpOnly, SameSite=Lax and site-wide", async ({ account }) => {
  const api = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const response = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, json: "true" },
    maxRedirects: 0,
  });
  const session = response.headersArray().find((header) => header.name.toLowerCase() === "set-cookie" && header.value.startsWith("next-auth.session-token="));
  if (!session) throw new Error("sign-in set no next-auth.session-token cookie");
  expect(session.value).toMatch(/HttpOnly/i);
  expect(session.value).toMatch(/SameSite=Lax/i);
  expect(session.value).toMatch(/Path=\//);
  await api.dispose();
});

test("a wrong password creates no session", async ({ account }) => {
  const api = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  await api.post("/api/auth/callback/credentials", { form: { csrfToken, email: account.email, password: "wrong-password-here", json: "true" }, maxRedirects: 0 });
  expect((await api.get("/api/users/@me")).status()).toBe(401);
  await api.dispose();
});

test("the next-auth session-update channel cannot grant anything", async ({ account, other }) => {
  const api = await apiAs(account);
  expect((await api.post("/api/auth/session", { data: { data: { isStaff: true } } })).status()).toBe(400);
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  await api.post("/api/auth/session", { data: { csrfToken, data: { isStaff: true, sessionVersion: 999, id: other.uuid, sub: other.uuid } } });
  const me = await (await api.get("/api/users/@me")).json();
  expect(me).toMatchObject({ uuid: account.uuid, is_staff: false });
  expect((await api.get(`/api/users/${other.uuid}`)).status()).toBe(403);
  expect((await api.patch("/api/users/@me", { headers: SAME_ORIGIN, data: { is_staff: true } })).status()).toBe(403);
  await api.dispose();
});

test("signing out in one browser leaves another session of the same user working", async ({ account }) => {
  const first = await apiAs(account);
  const second = await apiAs(account);
  const { csrfToken } = await (await first.get("/api/auth/csrf")).json();
  await first.post("/api/auth/signout", { form: { csrfToken, json: "true" }, maxRedirects: 0 });
  expect((await first.get("/api/users/@me")).status()).toBe(401);
  expect((await second.get("/api/users/@me")).status()).toBe(200);
  await Promise.all([first.dispose(), second.dispose()]);
});

test("a cookie saved before sign-out is refused afterwards, for reads and writes", async ({ account, prisma }) => {
  const browser = await apiAs(account);
  const saved = (await browser.storageState()).cookies;
  const { csrfToken } = await (await browser.get("/api/auth/csrf")).json();
  await browser.post("/api/auth/signout", { form: { csrfToken, json: "true" }, maxRedirects: 0 });

  const replay = await playwrightRequest.newContext({ baseURL, storageState: { cookies: saved, origins: [] } });
  const before = await prisma.user.findUniqueOrThrow({ where: { uuid: account.uuid } });
  expect((await replay.get("/api/users/@me")).status()).toBe(401);
  expect((await replay.patch("/api/users/@me", { headers: SAME_ORIGIN, data: { first_name: "Replayed" } })).status()).toBe(401);
  expect(await prisma.user.findUniqueOrThrow({ where: { uuid: account.uuid } })).toEqual(before);
  expect(await prisma.session.count({ where: { userId: before.id, revokedAt: null } })).toBe(0);
  await Promise.all([browser.dispose(), replay.dispose()]);
});
