import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as ME, PATCH } from "@/app/api/users/[uuid]/route";
import { POST as VERIFY } from "@/app/api/users/verify_email/route";
import { POST as RESEND } from "@/app/api/users/request_email_verification/route";
import { PATCH as CANCEL } from "@/app/api/users/cancel_email_change_request/route";
import { POST as SIGNUP } from "@/app/api/signup/route";
import { db } from "@/lib/db/client";
import { overrideEnvForTests } from "@/lib/env";
import { startSmtpServer } from "../support/smtp-server";
import { expectError } from "../support/envelope";
import { call, signedInSession } from "../support/requests";
import { enableTwoFactor } from "../support/two-factor";
import { createTestUser, liveSessions, reloadUser, TEST_PASSWORD } from "../support/users";

const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0).reverse()) restore();
});
beforeAll(() => {
  restores.push(overrideEnvForTests({ SMTP_URL: undefined }));
});
const withEnv = (vars: Record<string, string | undefined>) => restores.push(overrideEnvForTests(vars));

const freshAddress = () => `new-${randomUUID()}@test.local`;
const patchMe = (cookie: string, body: unknown, uuid = "@me") => call(PATCH, { method: "PATCH", path: `/api/users/${uuid}`, params: { uuid }, cookie, body });
const me = (cookie: string) => call(ME, { path: "/api/users/@me", params: { uuid: "@me" }, cookie });
const verify = (body: unknown, cookie?: string) => call(VERIFY, { method: "POST", path: "/api/users/verify_email", body, cookie });
const resend = (body: unknown) => call(RESEND, { method: "POST", path: "/api/users/request_email_verification", body });
const cancel = (cookie: string) => call(CANCEL, { method: "PATCH", path: "/api/users/cancel_email_change_request", cookie });
const invalid = (code: string, attr: string | null) => ({ type: "validation_error", code, attr });

const LINK = /\/verify-email\?uuid=([0-9a-f-]{36})&token=([A-Za-z0-9_-]{43})/;

function linkIn(text: string): { uuid: string; token: string } {
  const match = LINK.exec(text);
  if (!match) throw new Error(`no verification link in: ${text}`);
  return { uuid: match[1]!, token: match[2]! };
}

const outbox = (to: string) => db().outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

async function latestLink(to: string) {
  const mails = await outbox(to);
  const last = mails.at(-1);
  if (!last) throw new Error(`no mail to ${to}`);
  return linkIn(last.text);
}

async function signedIn() {
  const user = await createTestUser();
  return { user, ...(await signedInSession(user)) };
}

async function staged() {
  const caller = await signedIn();
  const email = freshAddress();
  const response = await patchMe(caller.cookie, { email, current_password: TEST_PASSWORD });
  expect(response.status).toBe(200);
  return { ...caller, email, link: await latestLink(email) };
}

describe("changing the email address, read from the dev outbox", () => {
  it("stages the address, mails a link to it and a heads-up to the old one, and applies it only when verified", async () => {
    const { user, cookie, id } = await signedIn();
    const other = await signedInSession(user);
    const email = freshAddress();
    const response = await patchMe(cookie, { email: `  ${email.toUpperCase()} `, current_password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ email: user.email, pending_email: email });
    expect(await reloadUser(user.id)).toMatchObject({ email: user.email, pendingEmail: email });

    const [verification] = await outbox(email);
    expect(verification!.subject).toBe("Accounts: Confirm your new email address");
    expect(verification!.text).toContain(`from ${user.email} to ${email}`);
    expect(verification!.text).toContain("Device: Test runner");
    expect(verification!.html).toContain("/verify-email?uuid=");
    const headsUp = (await outbox(user.email)).at(-1)!;
    expect(headsUp.subject).toBe("Accounts: Your email address is being changed");
    expect(headsUp.text).not.toMatch(LINK);
    expect(headsUp.text).toContain("If this wasn't you");

    const link = linkIn(verification!.text);
    expect(link.uuid).toBe(user.uuid);
    const tokenRow = await db().emailVerificationToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(tokenRow.tokenHash).not.toContain(link.token);
    expect(tokenRow.email).toBe(email);

    const verified = await verify(link, cookie);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ success: true });
    expect(verified.headers.get("set-cookie")).toBeNull();
    expect(await reloadUser(user.id)).toMatchObject({ email, pendingEmail: null, isEmailVerified: true });
    expect((await me(cookie)).body).toMatchObject({ email, pending_email: null, is_email_verified: true });
    expect((await me(other.cookie)).status).toBe(401);
    expect(await db().session.findUniqueOrThrow({ where: { id } })).toMatchObject({ revokedAt: null });
    for (const to of [user.email, email]) {
      expect((await outbox(to)).at(-1)!.subject).toBe("Accounts: Your email address was changed");
    }
  });

  it("applies a letter-case-only change at once, with no mail and no password", async () => {
    const { user, cookie } = await signedIn();
    const before = (await outbox(user.email)).length;
    const response = await patchMe(cookie, { email: user.email.toUpperCase() });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ email: user.email, pending_email: null });
    expect(await outbox(user.email)).toHaveLength(before);
    expect(await db().emailVerificationToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it.each([["a@x.com,b@y.com"], ["no-at-sign"], ["a@x.com b@y.com"], [""]])("refuses %j as one address, naming the field", async (email) => {
    const { user, cookie } = await signedIn();
    expectError(await patchMe(cookie, { email, current_password: TEST_PASSWORD }), 400, { type: "validation_error", code: expect.any(String) as unknown as string, attr: "email" });
    expect((await reloadUser(user.id)).pendingEmail).toBeNull();
  });

  it("needs the current password: missing or wrong, nothing is staged or mailed", async () => {
    const { user, cookie } = await signedIn();
    const email = freshAddress();
    expectError(await patchMe(cookie, { email }), 400, invalid("required", "current_password"));
    expectError(await patchMe(cookie, { email, current_password: "not-my-password" }), 400, invalid("incorrect_password", "current_password"));
    expect((await reloadUser(user.id)).pendingEmail).toBeNull();
    expect(await outbox(email)).toHaveLength(0);
  });

  it("checks the password before the address: a taken address with a wrong password answers like any wrong password", async () => {
    const { cookie } = await signedIn();
    const owner = await createTestUser();
    const taken = await patchMe(cookie, { email: owner.email, current_password: "not-my-password" });
    const free = await patchMe(cookie, { email: freshAddress(), current_password: "not-my-password" });
    expect(taken.status).toBe(400);
    expect(taken.body).toEqual(free.body);
    expectError(await patchMe(cookie, { email: owner.email, current_password: TEST_PASSWORD }), 400, invalid("unique", "email"));
    expect(await outbox(owner.email)).toHaveLength(0);
  });

  it("counts wrong current passwords per user: past the budget even the right one gets 429", async () => {
    withEnv({ RATE_LIMIT_EMAIL_CHANGE_PASSWORD_LIMIT: "2" });
    const { user, cookie } = await signedIn();
    const email = freshAddress();
    for (let i = 0; i < 2; i++) expect((await patchMe(cookie, { email, current_password: "wrong" })).status).toBe(400);
    const refused = await patchMe(cookie, { email, current_password: TEST_PASSWORD });
    expectError(refused, 429, { type: "throttled_error", code: "throttled" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await reloadUser(user.id)).pendingEmail).toBeNull();
  });

  it("refuses another user's uuid with 403, for a regular user and for staff, and the row stays as it was", async () => {
    const target = await createTestUser();
    const before = await reloadUser(target.id);
    for (const caller of [await createTestUser(), await createTestUser({ staff: true })]) {
      const { cookie } = await signedInSession(caller);
      const response = await patchMe(cookie, { email: freshAddress(), current_password: TEST_PASSWORD }, target.uuid);
      expectError(response, 403, { type: "authentication_error", code: "permission_denied" });
    }
    expect(await reloadUser(target.id)).toEqual(before);
  });
});

describe("verify_email", () => {
  it("refuses a wrong token, and answers an unknown or malformed uuid with exactly the same body", async () => {
    const { user, link } = await staged();
    const wrong = await verify({ uuid: link.uuid, token: "A".repeat(43) });
    expectError(wrong, 400, invalid("invalid_token", "token"));
    expect((await verify({ uuid: randomUUID(), token: link.token })).body).toEqual(wrong.body);
    expect((await verify({ uuid: "not-a-uuid", token: link.token })).body).toEqual(wrong.body);
    expect((await reloadUser(user.id)).email).toBe(user.email);
  });

  it("names the missing field instead of failing", async () => {
    expectError(await verify({ token: "x" }), 400, invalid("required", "uuid"));
    expectError(await verify({ uuid: randomUUID() }), 400, invalid("required", "token"));
  });

  it("refuses an expired link as expired, and changes nothing", async () => {
    const { user, link } = await staged();
    await db().emailVerificationToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectError(await verify(link), 400, invalid("token_expired", "token"));
    expect(await reloadUser(user.id)).toMatchObject({ email: user.email });
  });

  it("issues links for EMAIL_VERIFICATION_TTL_SECONDS", async () => {
    withEnv({ EMAIL_VERIFICATION_TTL_SECONDS: "600" });
    const { user } = await staged();
    const row = await db().emailVerificationToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(595_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThan(605_000);
  });

  it("works once: the same link again is invalid", async () => {
    const { link } = await staged();
    expect((await verify(link)).status).toBe(200);
    expectError(await verify(link), 400, invalid("invalid_token", "token"));
  });

  it("binds a link to its address: staging another address makes the first link stop working", async () => {
    const { user, cookie, link: first } = await staged();
    const second = freshAddress();
    expect((await patchMe(cookie, { email: second, current_password: TEST_PASSWORD })).status).toBe(200);
    expectError(await verify(first), 400, invalid("invalid_token", "token"));
    expect((await verify(await latestLink(second))).status).toBe(200);
    expect((await reloadUser(user.id)).email).toBe(second);
  });

  it("re-checks the address when applying: if another account took it meanwhile, 400 email_taken and nothing changes", async () => {
    const { user, email, link } = await staged();
    const rival = await createTestUser();
    await db().user.update({ where: { id: rival.id }, data: { email } });
    expectError(await verify(link), 400, invalid("email_taken", "email"));
    expect(await reloadUser(user.id)).toMatchObject({ email: user.email, pendingEmail: email });
  });

  it("counts wrong tokens per uuid: past the budget even the right link waits (429 with Retry-After)", async () => {
    withEnv({ RATE_LIMIT_EMAIL_VERIFICATION_ATTEMPT_LIMIT: "3" });
    const { user, link } = await staged();
    for (let i = 0; i < 3; i++) expect((await verify({ uuid: link.uuid, token: `wrong-${i}` })).status).toBe(400);
    const refused = await verify(link);
    expectError(refused, 429, { type: "throttled_error", code: "throttled" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await reloadUser(user.id)).email).toBe(user.email);
  });

  it("never signs anyone in, a user with two-factor included, and a link opened signed out ends every session", async () => {
    const { user, cookie, link } = await staged();
    await enableTwoFactor(cookie);
    // Enabling two-factor ended no session of this caller; the link is still the live one.
    const sessionsBefore = await db().session.count({ where: { userId: user.id } });
    const response = await verify(link);
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
    expect(await liveSessions(user.id)).toBe(0);
  });

  it("verifies a new account's address from the sign-up mail", async () => {
    const email = freshAddress();
    const created = await call(SIGNUP, { method: "POST", path: "/api/signup", body: { email, password: "v8#Qm-tundra-Lantern-41", first_name: "Ada" } });
    expect(created.status).toBe(201);
    const mails = await outbox(email);
    expect(mails).toHaveLength(1);
    const link = linkIn(mails[0]!.text);
    expect(link.uuid).toBe(created.body.uuid);
    expect((await db().user.findUniqueOrThrow({ where: { email } })).isEmailVerified).toBe(false);
    expect((await verify(link)).status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { email } })).isEmailVerified).toBe(true);
  });
});

describe("request_email_verification", () => {
  it("sends a new link to the pending address, and the earlier one stops working", async () => {
    const { email, link } = await staged();
    const response = await resend({ uuid: link.uuid });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true });
    const fresh = await latestLink(email);
    expect(fresh.token).not.toBe(link.token);
    expectError(await verify(link), 400, invalid("invalid_token", "token"));
    expect((await verify(fresh)).status).toBe(200);
  });

  it("answers an unknown uuid exactly like a known one and sends nothing", async () => {
    const known = await resend({ uuid: (await createTestUser()).uuid });
    const unknown = await resend({ uuid: randomUUID() });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expectError(await resend({}), 400, invalid("required", "uuid"));
  });

  it("limits mails per user, staging included: past the budget 429 with Retry-After, for unknown uuids too", async () => {
    withEnv({ RATE_LIMIT_EMAIL_VERIFICATION_MAIL_LIMIT: "2" });
    const { email, link } = await staged();
    expect((await resend({ uuid: link.uuid })).status).toBe(200);
    const refused = await resend({ uuid: link.uuid });
    expectError(refused, 429, { type: "throttled_error", code: "throttled" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await outbox(email)).toHaveLength(2);
    const stranger = randomUUID();
    for (let i = 0; i < 2; i++) expect((await resend({ uuid: stranger })).status).toBe(200);
    expect((await resend({ uuid: stranger })).status).toBe(429);
  });
});

describe("cancel_email_change_request", () => {
  it("clears the pending address, and its link stops working", async () => {
    const { user, cookie, link } = await staged();
    const response = await cancel(cookie);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ email: user.email, pending_email: null });
    expect((await reloadUser(user.id)).pendingEmail).toBeNull();
    expectError(await verify(link), 400, invalid("invalid_token", "token"));
  });

  it("answers 400 when nothing is pending", async () => {
    const { cookie } = await signedIn();
    expectError(await cancel(cookie), 400, invalid("email_change_request_not_found", null));
  });

  it("needs a session", async () => {
    expectError(await call(CANCEL, { method: "PATCH", path: "/api/users/cancel_email_change_request" }), 401, { type: "authentication_error", code: "not_authenticated" });
  });
});

describe("the whole flow over a real SMTP conversation", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
  });

  afterAll(async () => {
    await smtp.close();
  });

  /** The text part, undoing quoted-printable soft line breaks and escapes. */
  const textOf = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

  it("mails the link to the new address over SMTP, and it verifies", async () => {
    withEnv({ SMTP_URL: smtp.url });
    const { user, cookie } = await signedIn();
    const email = freshAddress();
    expect((await patchMe(cookie, { email, current_password: TEST_PASSWORD })).status).toBe(200);
    const toNew = smtp.received.filter((mail) => mail.to.includes(email));
    expect(toNew).toHaveLength(1);
    expect(smtp.received.some((mail) => mail.to.includes(user.email) && mail.raw.includes("being changed"))).toBe(true);
    expect(await outbox(email)).toHaveLength(0);
    expect((await verify(linkIn(textOf(toNew[0]!.raw)))).status).toBe(200);
    expect((await reloadUser(user.id)).email).toBe(email);
    expect(smtp.received.filter((mail) => mail.to.includes(email))).toHaveLength(2);
  });
});
