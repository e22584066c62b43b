import { randomUUID } from "node:crypto";
import { PASSWORD, SAME_ORIGIN, expect, test } from "./support/fixtures";

const newEmail = () => `api-${randomUUID()}@example.test`;

test.describe("POST /api/signup", () => {
  test("creates an account that can sign in, with its own organization and team", async ({ anonApi, users }) => {
    const email = newEmail();
    users.track(email);
    const response = await anonApi.post("/api/signup", { data: { email: email.toUpperCase(), password: PASSWORD, first_name: "Api" } });
    expect(response.status()).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ uuid: expect.any(String), email, first_name: "Api" });

    const { csrfToken } = await (await anonApi.get("/api/auth/csrf")).json();
    await anonApi.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" }, maxRedirects: 0 });
    const me = await (await anonApi.get("/api/users/@me")).json();
    expect(me).toMatchObject({ uuid: body.uuid, has_password: true, is_staff: false, organization: { membership_level: 15 }, team: { name: "Default project" } });
    expect(me.organizations).toHaveLength(1);
  });

  test("400s name every bad field", async ({ anonApi, prisma }) => {
    const response = await anonApi.post("/api/signup", { data: { email: "not-an-email", password: "short" } });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.type).toBe("validation_error");
    expect(body.issues.map((issue: { attr: string }) => issue.attr).sort()).toEqual(["email", "first_name", "password"]);

    const email = newEmail();
    const common = await anonApi.post("/api/signup", { data: { email, password: "password123", first_name: "X" } });
    expect(common.status()).toBe(400);
    expect(await common.json()).toMatchObject({ attr: "password", code: "password_too_common" });
    expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
  });

  test("an email that is taken, in any letter case, is a 400 on email and creates nothing", async ({ anonApi, prisma, account }) => {
    const firstName = `Dup${randomUUID().slice(0, 8)}`;
    const response = await anonApi.post("/api/signup", { data: { email: account.email.toUpperCase(), password: PASSWORD, first_name: firstName } });
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({ type: "validation_error", code: "unique", attr: "email" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ firstName: account.firstName });
    expect(await prisma.organization.count({ where: { name: { startsWith: firstName } } })).toBe(0);
  });

  test("only POST and only JSON", async ({ anonApi, prisma }) => {
    const get = await anonApi.get("/api/signup");
    expect(get.status()).toBe(405);
    expect(get.headers()["allow"]).toBe("POST");
    const email = newEmail();
    const form = await anonApi.post("/api/signup", { form: { email, password: PASSWORD, first_name: "Form" } });
    expect(form.status()).toBe(415);
    expect((await form.json()).code).toBe("unsupported_media_type");
    expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
  });

  test("a cross-site sign-up riding someone's session is refused", async ({ userApi, users, prisma }) => {
    const refused = newEmail();
    const response = await userApi.post("/api/signup", {
      headers: { origin: "https://evil.example" },
      data: { email: refused, password: PASSWORD, first_name: "Csrf" },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).code).toBe("csrf_failed");
    expect(await prisma.user.findUnique({ where: { email: refused } })).toBeNull();

    const accepted = newEmail();
    users.track(accepted);
    const sameOrigin = await userApi.post("/api/signup", { headers: SAME_ORIGIN, data: { email: accepted, password: PASSWORD, first_name: "Ok" } });
    expect(sameOrigin.status()).toBe(201);
    expect(await prisma.user.findUnique({ where: { email: accepted } })).not.toBeNull();
  });
});

test.describe("GET /api/health", () => {
  test("reports the database, is never cached and has no other verbs", async ({ anonApi }) => {
    const response = await anonApi.get("/api/health/");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true } });
    expect((await anonApi.delete("/api/health")).status()).toBe(405);
  });
});
