import { createHash, randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as REQUEST } from "@/app/api/reset/route";
import { GET as CHECK, POST as COMPLETE } from "@/app/api/reset/[token]/route";
import { GET as ME } from "@/app/api/users/[uuid]/route";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { overrideEnvForTests } from "@/lib/env";
import { startSmtpServer } from "../support/smtp-server";
import { PASSWORD_RESET_REQUESTED_DETAIL } from "@/lib/users/password-reset-schemas";
import { fromClient, newClientAddress } from "../support/clients";
import { captureLogs } from "../support/logs";
import { expectError } from "../support/envelope";
import { call, signedInSession } from "../support/requests";
import { codeFor, enableTwoFactor } from "../support/two-factor";
import { TEST_PASSWORD, createTestUser } from "../support/users";

const NEW_PASSWORD = "quiet-orchard-Lantern-73";
const BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const restoreEnv: (() => void)[] = [];

beforeAll(() => {
  restoreEnv.push(overrideEnvForTests({ SMTP_URL: undefined }));
});

afterEach(() => {
  for (const restore of restoreEnv.splice(1).reverse()) restore();
});

afterAll(() => {
  for (const restore of restoreEnv.splice(0).reverse()) restore();
});

const requestReset = (email: string, client = newClientAddress()) =>
  call(REQUEST, { method: "POST", path: "/api/reset", body: { email }, headers: fromClient(client, { "user-agent": BROWSER }) });

const completeReset = (token: string, password: string, client = newClientAddress()) =>
  call(COMPLETE, { method: "POST", path: `/api/reset/${encodeURIComponent(token)}`, params: { token }, body: { password }, headers: fromClient(client, { "user-agent": BROWSER }) });

const checkToken = (token: string) => call(CHECK, { path: `/api/reset/${encodeURIComponent(token)}`, params: { token } });

const me = (cookie: string) => call(ME, { path: "/api/users/@me", params: { uuid: "@me" }, cookie });

const signIn = async (email: string, password: string, otp?: string): Promise<string> => {
  try {
    const user = await authorizeCredentials({ email, password, ...(otp ? { otp } : {}) }, new Headers({ "user-agent": "vitest" }));
    return user ? "session" : "refused";
  } catch (error) {
    return (error as Error).message;
  }
};

const TOKEN_IN_LINK = /\/reset\/([A-Za-z0-9_-]{43})\b/;

function tokenFrom(text: string): string {
  const match = TOKEN_IN_LINK.exec(text);
  if (!match) throw new Error(`no reset link in: ${text}`);
  return match[1]!;
}

/** The reset mail's text once it is in the outbox (it is sent after the answer). */
async function resetMail(to: string, count = 1) {
  await expect.poll(() => db().outboxEmail.count({ where: { to, subject: { contains: "Reset your password" } } }), { timeout: 10_000 }).toBe(count);
  return (await db().outboxEmail.findMany({ where: { to, subject: { contains: "Reset your password" } }, orderBy: { createdAt: "desc" } }))[0]!;
}

async function requestedToken(email: string): Promise<string> {
  const before = await db().outboxEmail.count({ where: { to: email, subject: { contains: "Reset your password" } } });
  expect((await requestReset(email)).status).toBe(202);
  return tokenFrom((await resetMail(email, before + 1)).text);
}

const passwordHashOf = async (id: number) => (await db().user.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } })).passwordHash;

describe("POST /api/reset", () => {
  it("mails a link that sets a new password, ends every session and signs nobody in", async () => {
    const user = await createTestUser({ firstName: "Ada" });
    const first = await signedInSession(user);
    const second = await signedInSession(user);
    const client = newClientAddress();

    const answer = await requestReset(user.email.toUpperCase(), client);
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ detail: PASSWORD_RESET_REQUESTED_DETAIL });

    const mail = await resetMail(user.email);
    expect(mail.subject).toBe("Accounts: Reset your password");
    expect(mail.text).toContain("Hi Ada,");
    expect(mail.text).toContain("for the next 1 hour");
    expect(mail.text).toContain("Device: Chrome on Mac OS");
    expect(mail.text).toContain(`Address: ${client}`);
    expect(mail.text).toMatch(/When: \w{3}, \d{2} \w{3} \d{4}/);
    expect(mail.text).toContain("If you didn't ask for this");
    const token = tokenFrom(mail.text);
    expect(mail.text).toContain(`http://localhost:3000/reset/${token}`);
    expect(mail.html).toContain(`href="http://localhost:3000/reset/${token}"`);

    // Only the token's hash is stored.
    const rows = await db().passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(3500_000);

    const checked = await checkToken(token);
    expect(checked.status).toBe(200);
    expect(new Date(checked.body.expires_at).getTime()).toBe(rows[0]!.expiresAt.getTime());

    const sessionsBefore = await db().session.count({ where: { userId: user.id } });
    const done = await completeReset(token, NEW_PASSWORD);
    expect(done.status).toBe(204);
    expect(done.headers.get("set-cookie")).toBeNull();

    expect((await me(first.cookie)).status).toBe(401);
    expect((await me(second.cookie)).status).toBe(401);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
    expect(await db().session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect(await signIn(user.email, TEST_PASSWORD)).toBe("refused");
    expect(await signIn(user.email, NEW_PASSWORD)).toBe("session");
    expect(await passwordHashOf(user.id)).toMatch(/^\$argon2id\$/);

    const notice = await db().outboxEmail.findFirstOrThrow({ where: { to: user.email, subject: "Accounts: Your password was reset" } });
    expect(notice.text).toContain("Every device that was signed in has been signed out.");
    expect(notice.text).toContain("Device: Chrome on Mac OS");
    expect(notice.text).toContain("If this wasn't you");
    expect(notice.text).not.toContain(NEW_PASSWORD);
  });

  it("answers an unknown address exactly like a known one, and issues and mails nothing", async () => {
    const user = await createTestUser();
    const nobody = `nobody-${randomUUID()}@test.local`;
    const known = await requestReset(user.email);
    const unknown = await requestReset(nobody);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    const headerNames = (headers: Headers) => [...headers.keys()].sort();
    expect(headerNames(unknown.headers)).toEqual(headerNames(known.headers));

    await resetMail(user.email);
    expect(await db().outboxEmail.count({ where: { to: nobody } })).toBe(0);
  });

  it("does not send mail to an account that is turned off", async () => {
    const user = await createTestUser();
    await db().user.update({ where: { id: user.id }, data: { isActive: false } });
    expect((await requestReset(user.email)).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await db().passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().outboxEmail.count({ where: { to: user.email } })).toBe(0);
  });

  it("answers 400 naming email for something that is not an address", async () => {
    expectError(await requestReset("not-an-address"), 400, { type: "validation_error", code: "invalid_input", attr: "email" });
  });

  it("a new request replaces the earlier link", async () => {
    const user = await createTestUser();
    const earlier = await requestedToken(user.email);
    const later = await requestedToken(user.email);
    expectError(await completeReset(earlier, NEW_PASSWORD), 400, { type: "validation_error", code: "token_invalid", attr: "token" });
    expect((await completeReset(later, NEW_PASSWORD)).status).toBe(204);
  });
});

describe("the same work for known and unknown addresses", () => {
  // A slow mail server: an answer that waited for it would take over a second.
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer({ delayMs: 1500 });
  });

  afterAll(async () => {
    await smtp.close();
  });

  it("answers before the mail goes out, and the link from the SMTP server works", async () => {
    restoreEnv.push(overrideEnvForTests({ SMTP_URL: smtp.url }));
    const user = await createTestUser();
    const started = Date.now();
    const answer = await requestReset(user.email);
    expect(answer.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(1000);

    await expect.poll(() => smtp.received.find((mail) => mail.raw.includes(user.email)), { timeout: 15_000 }).toBeDefined();
    const raw = smtp.received.find((mail) => mail.raw.includes(user.email))!.raw;
    // Quoted-printable may wrap the long link; undo soft line breaks before reading it.
    const token = tokenFrom(raw.replace(/=\r?\n/g, ""));
    expect((await completeReset(token, NEW_PASSWORD)).status).toBe(204);
    expect(await signIn(user.email, NEW_PASSWORD)).toBe("session");
    expect(await db().outboxEmail.count({ where: { to: user.email } })).toBe(0);
  });
});

describe("POST /api/reset/:token", () => {
  it("refuses a wrong, malformed or empty-ish token alike, and changes nothing", async () => {
    const user = await createTestUser();
    await requestedToken(user.email);
    const hash = await passwordHashOf(user.id);
    const answers = await Promise.all(["x".repeat(43), "short", "%00", "a".repeat(256)].map((token) => completeReset(token, NEW_PASSWORD)));
    for (const answer of answers) expectError(answer, 400, { type: "validation_error", code: "token_invalid", attr: "token" });
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expectError(await checkToken("x".repeat(43)), 400, { type: "validation_error", code: "token_invalid", attr: "token" });
    expect(await passwordHashOf(user.id)).toBe(hash);
  });

  it("refuses an expired link with token_expired, and changes nothing", async () => {
    const user = await createTestUser();
    const token = await requestedToken(user.email);
    await db().passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const hash = await passwordHashOf(user.id);
    expectError(await checkToken(token), 400, { type: "validation_error", code: "token_expired", attr: "token" });
    expectError(await completeReset(token, NEW_PASSWORD), 400, { type: "validation_error", code: "token_expired", attr: "token" });
    expect(await passwordHashOf(user.id)).toBe(hash);
    expect(await signIn(user.email, TEST_PASSWORD)).toBe("session");
  });

  it("lives PASSWORD_RESET_TTL_SECONDS", async () => {
    restoreEnv.push(overrideEnvForTests({ PASSWORD_RESET_TTL_SECONDS: "1" }));
    const user = await createTestUser();
    const token = await requestedToken(user.email);
    expect((await resetMail(user.email)).text).toContain("for the next 1 minute");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expectError(await completeReset(token, NEW_PASSWORD), 400, { type: "validation_error", code: "token_expired", attr: "token" });
  });

  it("works once: a reused link is refused like a wrong one", async () => {
    const user = await createTestUser();
    const token = await requestedToken(user.email);
    expect((await completeReset(token, NEW_PASSWORD)).status).toBe(204);
    const again = await completeReset(token, "another-Password-for-later");
    expectError(again, 400, { type: "validation_error", code: "token_invalid", attr: "token" });
    expect(await signIn(user.email, NEW_PASSWORD)).toBe("session");
    expectError(await checkToken(token), 400, { type: "validation_error", code: "token_invalid" });
  });

  it("of two simultaneous completions exactly one succeeds", async () => {
    const user = await createTestUser();
    const token = await requestedToken(user.email);
    const [a, b] = await Promise.all([completeReset(token, NEW_PASSWORD), completeReset(token, "rival-Password-from-elsewhere")]);
    expect([a.status, b.status].sort()).toEqual([204, 400]);
    const winner = a.status === 204 ? NEW_PASSWORD : "rival-Password-from-elsewhere";
    expect(await signIn(user.email, winner)).toBe("session");
  });

  it("holds the new password to the sign-up rules, naming password, and keeps the link usable", async () => {
    const user = await createTestUser();
    const token = await requestedToken(user.email);
    expectError(await completeReset(token, "short"), 400, { type: "validation_error", code: "min_length", attr: "password" });
    expectError(await completeReset(token, "x".repeat(257)), 400, { type: "validation_error", code: "max_length", attr: "password" });
    expectError(await completeReset(token, "password123"), 400, { type: "validation_error", code: "password_too_common", attr: "password" });
    expectError(await completeReset(token, user.email), 400, { type: "validation_error", code: "password_too_similar", attr: "password" });
    expect(await signIn(user.email, TEST_PASSWORD)).toBe("session");
    expect((await completeReset(token, NEW_PASSWORD)).status).toBe(204);
  });

  it("leaves two-factor on: the new password alone does not sign in", async () => {
    const user = await createTestUser();
    const { cookie } = await signedInSession(user);
    const { secret } = await enableTwoFactor(cookie);
    const token = await requestedToken(user.email);
    expect((await completeReset(token, NEW_PASSWORD)).status).toBe(204);
    expect(await signIn(user.email, NEW_PASSWORD)).toBe("2fa_required");
    expect(await signIn(user.email, NEW_PASSWORD, await codeFor(secret, 1))).toBe("session");
    const notice = await db().outboxEmail.findFirstOrThrow({ where: { to: user.email, subject: "Accounts: Your password was reset" } });
    expect(notice.text).toContain("Two-factor authentication is still on");
  });
});

describe("logs", () => {
  it("record the completion by user id, never the token, the link or the password, even when the mail fails", async () => {
    const user = await createTestUser();
    const token = await requestedToken(user.email);
    const logs = captureLogs("debug");
    try {
      // Nothing listens on port 9: the notice fails and is logged.
      restoreEnv.push(overrideEnvForTests({ SMTP_URL: "smtp://127.0.0.1:9" }));
      expect((await completeReset(token, NEW_PASSWORD)).status).toBe(204);
      const entries = logs.entries();
      expect(entries).toContainEqual(expect.objectContaining({ event: "password_reset.completed", userId: user.id }));
      expect(entries).toContainEqual(expect.objectContaining({ event: "mail.send_failed", notice: "password_reset.completed" }));
      expect(logs.text()).not.toContain(token);
      expect(logs.text()).not.toContain(NEW_PASSWORD);
    } finally {
      logs.restore();
    }
  });
});

describe("limits", () => {
  it("per address: the 7th request of a day is 429 with Retry-After, known address or not, from any client", async () => {
    const user = await createTestUser();
    const nobody = `nobody-${randomUUID()}@test.local`;
    for (const email of [user.email, nobody]) {
      for (let n = 0; n < 6; n++) expect((await requestReset(email)).status).toBe(202);
      const refused = await requestReset(email);
      expectError(refused, 429, { type: "throttled_error", code: "throttled", attr: null });
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3600);
    }
    await resetMail(user.email, 6);
    expect((await requestReset(`other-${randomUUID()}@test.local`)).status).toBe(202);
  });

  it("per client address, across addresses and completions", async () => {
    restoreEnv.push(overrideEnvForTests({ RATE_LIMIT_PASSWORD_RESET_PER_CLIENT_LIMIT: "3" }));
    const client = newClientAddress();
    for (let n = 0; n < 2; n++) expect((await requestReset(`nobody-${randomUUID()}@test.local`, client)).status).toBe(202);
    expectError(await completeReset("x".repeat(43), NEW_PASSWORD, client), 400, { type: "validation_error", code: "token_invalid" });
    const refused = await requestReset(`nobody-${randomUUID()}@test.local`, client);
    expectError(refused, 429, { type: "throttled_error", code: "throttled", attr: null });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expectError(await completeReset("x".repeat(43), NEW_PASSWORD, client), 429, { type: "throttled_error", code: "throttled" });
    expect((await requestReset(`nobody-${randomUUID()}@test.local`)).status).toBe(202);
  });
});
