import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/signup/route";
import { db } from "@/lib/db/client";
import { overrideEnvForTests } from "@/lib/env";
import { expectError } from "../support/envelope";
import { fromClient, newClientAddress } from "../support/clients";
import { call, sessionCookie } from "../support/requests";
import { createAccount } from "@/lib/users/accounts";
import { createTestUser } from "../support/users";

const STRONG_PASSWORD = "v8#Qm-tundra-Lantern-41";
const restoreEnv: (() => void)[] = [];

const newEmail = () => `signup-${randomUUID()}@test.local`;
const signup = (body: unknown, headers?: Record<string, string>, cookie?: string) =>
  call(POST, { method: "POST", path: "/api/signup", body, headers, cookie });

beforeAll(() => {
  overrideEnvForTests({ SMTP_URL: undefined });
});

afterEach(() => {
  for (const restore of restoreEnv.splice(0).reverse()) restore();
});

describe("POST /api/signup", () => {
  it("creates the user with a personal organization and team, an Argon2id hash and one welcome mail with a verification link", async () => {
    const email = newEmail();
    const response = await signup({ email: `  ${email.toUpperCase()} `, password: STRONG_PASSWORD, first_name: " Grace " });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ uuid: expect.any(String), email, first_name: "Grace" });
    expect(JSON.stringify(response.body)).not.toContain(STRONG_PASSWORD);

    const user = await db().user.findUniqueOrThrow({
      where: { uuid: response.body.uuid },
      omit: { passwordHash: false },
      include: { memberships: { include: { organization: { include: { teams: true } } } } },
    });
    expect(user.email).toBe(email);
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.isStaff).toBe(false);
    expect(user.memberships).toHaveLength(1);
    const [membership] = user.memberships;
    expect(membership!.level).toBe(15);
    expect(user.currentOrganizationId).toBe(membership!.organizationId);
    expect(membership!.organization.teams.map((team) => team.id)).toEqual([user.currentTeamId]);

    const outbox = await db().outboxEmail.findMany({ where: { to: email } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.subject).toBe("Accounts: Welcome! Confirm your email address");
    expect(outbox[0]!.text).not.toContain(STRONG_PASSWORD);
    expect(outbox[0]!.text).toMatch(new RegExp(`/verify-email\\?uuid=${user.uuid}&token=[A-Za-z0-9_-]{43}`));
    expect(user.isEmailVerified).toBe(false);
  });

  it("greets in mail by the configured APP_NAME", async () => {
    restoreEnv.push(overrideEnvForTests({ APP_NAME: "Hoglet" }));
    const email = newEmail();
    expect((await signup({ email, password: STRONG_PASSWORD, first_name: "Grace" })).status).toBe(201);
    const [mail] = await db().outboxEmail.findMany({ where: { to: email } });
    expect(mail!.subject).toBe("Hoglet: Welcome! Confirm your email address");
    expect(mail!.text).toContain("Your Hoglet account is ready");
  });

  it("keeps the first-name rule for accounts made outside sign-up (create-user)", async () => {
    const email = newEmail();
    await expect(createAccount({ email, password: STRONG_PASSWORD, firstName: "  " })).rejects.toMatchObject({ status: 400, attr: "first_name", code: "blank" });
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("refuses an email already registered, in any case, with 400 unique", async () => {
    const email = newEmail();
    const second = `Second${randomUUID().slice(0, 8)}`;
    expect((await signup({ email, password: STRONG_PASSWORD, first_name: "First" })).status).toBe(201);
    const response = await signup({ email: email.toUpperCase(), password: STRONG_PASSWORD, first_name: second });
    expectError(response, 400, { type: "validation_error", code: "unique", attr: "email" });
    expect(await db().user.findUniqueOrThrow({ where: { email } })).toMatchObject({ firstName: "First" });
    expect(await db().organization.count({ where: { name: { startsWith: second } } })).toBe(0);
  });

  it.each([
    ["a short password", { password: "short" }, "password", "min_length"],
    ["an empty password", { password: "" }, "password", "blank"],
    ["a common password", { password: "password1234" }, "password", "password_too_common"],
    ["the email as password", { password: "EMAIL" }, "password", "password_too_similar"],
    ["a missing first_name", { first_name: undefined }, "first_name", "required"],
    ["a blank first_name", { first_name: "   " }, "first_name", "blank"],
    ["an invalid email", { email: "not-an-email" }, "email", "invalid_input"],
    ["a missing email", { email: undefined }, "email", "required"],
  ])("refuses %s with 400 naming %s", async (_label, override, attr, code) => {
    const email = newEmail();
    // Cases that replace the email are found by their first name instead.
    const firstName = `Refused${randomUUID().slice(0, 8)}`;
    const body = { email, password: STRONG_PASSWORD, first_name: firstName, ...override };
    if (body.password === "EMAIL") body.password = email;
    expectError(await signup(body), 400, { type: "validation_error", code, attr });
    expect(await db().user.count({ where: { OR: [{ email: body.email ?? email }, { firstName }] } })).toBe(0);
  });

  it("answers 403 signup_disabled when SIGNUP_ENABLED=false", async () => {
    restoreEnv.push(overrideEnvForTests({ SIGNUP_ENABLED: "false" }));
    const email = newEmail();
    const response = await signup({ email, password: STRONG_PASSWORD, first_name: "Test" });
    expectError(response, 403, { type: "authentication_error", code: "signup_disabled", attr: null });
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("refuses a cross-site signup carrying someone's session cookie with 403", async () => {
    const user = await createTestUser();
    const email = newEmail();
    const response = await signup(
      { email, password: STRONG_PASSWORD, first_name: "Test" },
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      await sessionCookie(user),
    );
    expectError(response, 403, { type: "authentication_error", code: "csrf_failed" });
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("is throttled per client address with 429 and Retry-After; another address keeps its budget", async () => {
    restoreEnv.push(overrideEnvForTests({ RATE_LIMIT_SIGNUP_LIMIT: "2" }));
    const client = fromClient(newClientAddress());
    for (let i = 0; i < 2; i++) {
      expect((await signup({ email: newEmail(), password: STRONG_PASSWORD, first_name: "T" }, client)).status).toBe(201);
    }
    const email = newEmail();
    const throttled = await signup({ email, password: STRONG_PASSWORD, first_name: "T" }, client);
    expectError(throttled, 429, { type: "throttled_error", code: "throttled", attr: null });
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db().user.count({ where: { email } })).toBe(0);

    const elsewhere = await signup({ email: newEmail(), password: STRONG_PASSWORD, first_name: "T" }, fromClient(newClientAddress()));
    expect(elsewhere.status).toBe(201);
  });

  it("ignores a client-sent X-Forwarded-For unless told to trust a proxy", async () => {
    restoreEnv.push(overrideEnvForTests({ RATE_LIMIT_SIGNUP_LIMIT: "1", TRUST_PROXY: undefined }));
    const address = newClientAddress();
    expect((await signup({ email: newEmail(), password: STRONG_PASSWORD, first_name: "T" }, fromClient(address, { "x-forwarded-for": "192.0.2.1" }))).status).toBe(201);
    const spoofed = await signup({ email: newEmail(), password: STRONG_PASSWORD, first_name: "T" }, fromClient(address, { "x-forwarded-for": "192.0.2.2" }));
    expect(spoofed.status).toBe(429);

    restoreEnv.push(overrideEnvForTests({ TRUST_PROXY: "true" }));
    const proxied = (client: string) => signup({ email: newEmail(), password: STRONG_PASSWORD, first_name: "T" }, fromClient("127.0.0.1", { "x-forwarded-for": `198.51.100.9, ${client}` }));
    const [first, second] = [newClientAddress(), newClientAddress()];
    expect((await proxied(first)).status).toBe(201);
    expect((await proxied(first)).status).toBe(429);
    expect((await proxied(second)).status).toBe(201);
  });

  it("refuses 8,000 nested arrays with 400 parse_error, alone or beside a valid sign-up, and creates nothing", async () => {
    const deep = `${"[".repeat(8000)}${"]".repeat(8000)}`;
    const email = newEmail();
    const valid = JSON.stringify({ email, password: STRONG_PASSWORD, first_name: "Deep" });
    for (const rawBody of [deep, `${valid.slice(0, -1)},"extra":${deep}}`]) {
      const response = await call(POST, { method: "POST", path: "/api/signup", rawBody, headers: { "content-type": "application/json" } });
      expectError(response, 400, { type: "invalid_request", code: "parse_error", attr: null });
    }
    expect(await db().user.findUnique({ where: { email } })).toBeNull();
  });

  it("answers GET with 405 and Allow: POST", async () => {
    const response = await call(GET, { path: "/api/signup" });
    expectError(response, 405, { type: "invalid_request", code: "method_not_allowed" });
    expect(response.headers.get("allow")).toBe("POST");
  });
});
