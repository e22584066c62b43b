// Signed-in users for the load: sign-up through the public API, sign-in through next-auth's real
// credentials flow (as e2e/support/fixtures.ts does), each cookie proven with GET @me.
import { randomBytes } from "node:crypto";

function request(url, init = {}) {
  return fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(15_000) });
}

function cookiePairs(response) {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
}

async function signUp(base, email, password, index) {
  const response = await request(new URL("/api/signup", base), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, first_name: `Bench${index}` }),
  });
  if (response.status !== 201) {
    throw new Error(`POST /api/signup answered ${response.status}: ${(await response.text()).slice(0, 300)} (pass --email/--password of an existing account)`);
  }
  await response.arrayBuffer();
}

/** Returns the Cookie header value that carries the session (and the csrf cookie). */
export async function signIn(base, email, password) {
  const csrf = await request(new URL("/api/auth/csrf", base));
  const jar = cookiePairs(csrf);
  const { csrfToken } = await csrf.json();
  const callback = await request(new URL("/api/auth/callback/credentials", base), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  await callback.arrayBuffer();
  const session = cookiePairs(callback).filter((pair) => pair.split("=")[0].includes("next-auth.session-token"));
  if (![200, 302].includes(callback.status) || session.length === 0) {
    throw new Error(`sign-in as ${email} failed (${callback.status}, no session cookie)`);
  }
  const csrfCookies = jar.filter((pair) => pair.split("=")[0].includes("csrf-token"));
  const cookie = [...csrfCookies, ...session].join("; ");
  const me = await request(new URL("/api/users/@me", base), { headers: { cookie } });
  await me.arrayBuffer();
  if (me.status !== 200) throw new Error(`GET /api/users/@me as ${email} answered ${me.status} right after sign-in`);
  return cookie;
}

/** `count` cookies of distinct new users, or `count` copies of one given user's cookie. */
export async function sessionCookies(base, count, account) {
  if (account) {
    const cookie = await signIn(base, account.email, account.password);
    return Array.from({ length: count }, () => cookie);
  }
  const run = randomBytes(4).toString("hex");
  const password = `bench-${randomBytes(12).toString("hex")}`;
  const cookies = [];
  for (let index = 0; index < count; index++) {
    const email = `bench-${run}-${index}@example.test`;
    await signUp(base, email, password, index);
    cookies.push(await signIn(base, email, password));
  }
  return cookies;
}
