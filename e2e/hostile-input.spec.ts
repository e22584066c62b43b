import { randomUUID } from "node:crypto";
import { baseURL } from "../playwright.config";
import { SAME_ORIGIN, expect, test } from "./support/fixtures";
import { cookieHeaderOf, rawRequest, type RawResponse } from "./support/raw-http";

function expectEnvelope(response: RawResponse, status: number, code: string): void {
  expect({ status: response.status, contentType: response.headers["content-type"] }).toEqual({ status, contentType: "application/json; charset=utf-8" });
  expect(response.json()).toEqual({ type: expect.any(String), code, detail: expect.any(String), attr: null });
}

test.describe("malformed paths and methods", () => {
  for (const path of ["/api/users/%ff", "/api/%ff", "/api/users/%C0%AF", "/api/users/%ff/", `${baseURL}/api/users/%ff`]) {
    test(`${path} is a JSON 400 in the envelope`, async () => {
      expectEnvelope(await rawRequest(path), 400, "invalid_path");
    });
  }

  test("TRACE under /api is a JSON 405 with the resource's own Allow", async ({ userApi }) => {
    const cookie = await cookieHeaderOf(userApi);
    for (const [path, allow] of [
      ["/api/users/@me", "GET, PATCH, DELETE"],
      ["/api/users", "GET"],
      ["/api/auth/session", "GET, POST"],
      ["/api/nope", ""],
    ] as const) {
      const response = await rawRequest(path, { method: "TRACE", headers: { cookie } });
      expectEnvelope(response, 405, "method_not_allowed");
      expect(response.headers.allow, path).toBe(allow);
    }
  });

  test("WebDAV verbs under /api are a JSON 405 too", async () => {
    for (const method of ["PROPFIND", "MKCOL", "PURGE"]) {
      const response = await rawRequest("/api/users/@me", { method });
      expectEnvelope(response, 405, "method_not_allowed");
      expect(response.headers.allow).toBe("GET, PATCH, DELETE");
    }
  });

  test("TRACE and PROPFIND on a page are a 405, and OPTIONS still lists the verbs", async ({ anonApi }) => {
    for (const [method, path] of [["TRACE", "/settings/profile"], ["TRACE", "/signin"], ["TRACE", "/"], ["PROPFIND", "/signin"]] as const) {
      const response = await rawRequest(path, { method });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.allow).toBe("GET, HEAD");
    }
    const options = await anonApi.fetch("/api/users/@me", { method: "OPTIONS" });
    expect(options.status()).toBe(204);
    expect(options.headers()["allow"]).toBe("GET, PATCH, DELETE");
  });

  test("a client cannot turn its own OPTIONS into a refusal", async () => {
    const response = await rawRequest("/api/users", { method: "OPTIONS", headers: { "x-refused-method": "TRACE" } });
    expect(response.status).toBe(204);
  });
});

test.describe("bodies the database cannot store", () => {
  test("deeply nested JSON is a 400, for sign-up and for a JSON column, and nothing changes", async ({ anonApi, userApi, account, prisma }) => {
    const deep = `${"[".repeat(8000)}${"]".repeat(8000)}`;
    const email = `deep-${randomUUID()}@e2e.test`;
    const valid = JSON.stringify({ email, password: "v8#Qm-tundra-Lantern-41", first_name: "Deep" });
    for (const data of [deep, `${valid.slice(0, -1)},"extra":${deep}}`]) {
      const signup = await anonApi.post("/api/signup", { headers: { ...SAME_ORIGIN, "content-type": "application/json" }, data });
      expect(signup.status()).toBe(400);
      expect(await signup.json()).toMatchObject({ type: "invalid_request", code: "parse_error" });
    }
    expect(await prisma.user.findUnique({ where: { email } })).toBeNull();

    const before = await prisma.user.findUniqueOrThrow({ where: { id: account.id } });
    for (const column of [`${"[".repeat(5000)}${"]".repeat(5000)}`, `${'{"a":'.repeat(3000)}1${"}".repeat(3000)}`]) {
      const response = await userApi.patch("/api/users/@me", { headers: { ...SAME_ORIGIN, "content-type": "application/json" }, data: `{"events_column_config":${column}}` });
      expect(response.status()).toBe(400);
      expect((await response.json()).code).toBe("parse_error");
    }
    expect(await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).toEqual(before);
  });

  test("lone surrogates in JSON columns are a 400 naming the field, and nothing changes", async ({ userApi, account, prisma }) => {
    const before = await prisma.user.findUniqueOrThrow({ where: { id: account.id } });
    for (const [body, attr] of [
      ['{"events_column_config":{"a":"\\udfff"}}', "events_column_config__a"],
      ['{"has_seen_product_intro_for":{"\\ud800":true}}', "has_seen_product_intro_for"],
      ['{"hedgehog_config":{"version":2,"actor_options":{"id":"\\ud800"}}}', "hedgehog_config__actor_options__id"],
    ]) {
      const response = await userApi.patch("/api/users/@me", { headers: { ...SAME_ORIGIN, "content-type": "application/json" }, data: body });
      expect(response.status(), body).toBe(400);
      expect(await response.json()).toMatchObject({ type: "validation_error", code: "invalid_input", attr });
    }
    expect(await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).toEqual(before);
  });
});

test.describe("sign-in and sign-out redirects", () => {
  for (const next of ["/%E3%80%80/x", "/%EF%BC%8F/x", "/%EF%BC%8F%EF%BC%8Fevil.example"]) {
    test(`/signin?next=${next} shows the sign-in page, and sends a signed-in visitor to a path on this site`, async ({ page, anonApi, userApi }) => {
      const anonymous = await anonApi.get(`/signin?next=${next}`, { maxRedirects: 0 });
      expect(anonymous.status()).toBe(200);
      await page.goto(`/signin?next=${next}`);
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

      const signedIn = await userApi.get(`/signin?next=${next}`, { maxRedirects: 0 });
      expect(signedIn.status()).toBe(307);
      const location = new URL(signedIn.headers()["location"]!, baseURL);
      expect(location.origin).toBe(baseURL);
      expect(location.pathname).toBe(new URL(next, baseURL).pathname);
    });
  }

  test("sign-out with a callbackUrl on a look-alike host redirects to our own origin", async ({ userApi }) => {
    const { csrfToken } = (await (await userApi.get("/api/auth/csrf")).json()) as { csrfToken: string };
    for (const callbackUrl of [`${baseURL}.evil.example/x`, "https://evil.example/", `${baseURL}@evil.example/`]) {
      const response = await userApi.post("/api/auth/signout", { form: { csrfToken, callbackUrl }, maxRedirects: 0 });
      expect(response.status(), callbackUrl).toBe(302);
      expect(new URL(response.headers()["location"]!).origin).toBe(baseURL);
    }
  });
});

test.describe("next-auth's own errors", () => {
  test("answer in the envelope: no CSRF token, unknown action, unknown provider, wrong method", async () => {
    const noCsrf = await rawRequest("/api/auth/session", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "data=x" });
    expectEnvelope(noCsrf, 400, "csrf_failed");
    expectEnvelope(await rawRequest("/api/auth/nope"), 404, "not_found");
    expectEnvelope(await rawRequest("/api/auth/callback/nope"), 404, "not_found");
    const wrongMethod = await rawRequest("/api/auth/session", { method: "DELETE" });
    expectEnvelope(wrongMethod, 405, "method_not_allowed");
    expect(wrongMethod.headers.allow).toBe("GET, POST");
    const csrfPost = await rawRequest("/api/auth/csrf", { method: "POST" });
    expectEnvelope(csrfPost, 405, "method_not_allowed");
    expect(csrfPost.headers.allow).toBe("GET");
  });

  test("keep the browser flows: a sign-in without a CSRF token is still redirected, a wrong password still answers { url }", async ({ anonApi, account }) => {
    const noToken = await anonApi.post("/api/auth/callback/credentials", { form: { email: account.email, password: "wrong" }, maxRedirects: 0 });
    expect(noToken.status()).toBe(302);
    expect(noToken.headers()["location"]).toContain("csrf=true");
    const { csrfToken } = (await (await anonApi.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const wrong = await anonApi.post("/api/auth/callback/credentials", { form: { csrfToken, email: account.email, password: "wrong-password-1", json: "true" }, maxRedirects: 0 });
    expect(wrong.status()).toBe(401);
    expect((await wrong.json()).url).toContain("error=");
  });
});

// staff, account and other (plus the instance's first staff user) make more than two users.
test("next/previous links ignore the Host and X-Forwarded-Host headers", async ({ staffApi, account, other }) => {
  const cookie = await cookieHeaderOf(staffApi);
  const response = await rawRequest("/api/users?limit=1&offset=1", { headers: { cookie, host: "evil.example", "x-forwarded-host": "evil.example" } });
  expect(response.status).toBe(200);
  const page = response.json();
  expect(new URL(page.next).origin).toBe(baseURL);
  expect(new URL(page.previous).origin).toBe(baseURL);
});
