import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as ACTIVITY } from "@/app/api/users/[uuid]/activity/route";
import { GET as ME, PATCH } from "@/app/api/users/[uuid]/route";
import { DELETE as REVOKE } from "@/app/api/users/[uuid]/sessions/[id]/route";
import { POST as REVOKE_OTHERS } from "@/app/api/users/[uuid]/sessions/revoke_others/route";
import { POST as DISABLE_2FA } from "@/app/api/users/[uuid]/two_factor_disable/route";
import { POST as NEW_BACKUP_CODES } from "@/app/api/users/[uuid]/two_factor_backup_codes/route";
import { PATCH as CANCEL_EMAIL } from "@/app/api/users/cancel_email_change_request/route";
import { POST as VERIFY_EMAIL } from "@/app/api/users/verify_email/route";
import { POST as REQUEST_RESET } from "@/app/api/reset/route";
import { POST as COMPLETE_RESET } from "@/app/api/reset/[token]/route";
import { DELETE as DELETE_KEY } from "@/app/api/personal_api_keys/[id]/route";
import { POST as ROLL_KEY } from "@/app/api/personal_api_keys/[id]/roll/route";
import { POST as REVIEW_DONE } from "@/app/api/users/[uuid]/credentials_review_complete/route";
import { POST as REQUEST_REVIEW } from "@/app/api/admin/users/[uuid]/request_credential_review/route";
import { POST as SIGNALS } from "@/app/api/users/[uuid]/signal_autonomy/route";
import { ACTIVITY_KINDS } from "@/lib/activity/kinds";
import { pruneActivity } from "@/lib/activity/service";
import { authOptions } from "@/lib/auth/options";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { overrideEnvForTests } from "@/lib/env";
import { fromClient, newClientAddress } from "../support/clients";
import { expectError } from "../support/envelope";
import { captureLogs } from "../support/logs";
import { bearer, createKeyFor } from "../support/personal-api-keys";
import { call, signedInSession } from "../support/requests";
import { codeFor, enableTwoFactor } from "../support/two-factor";
import { createTestUser, TEST_PASSWORD } from "../support/users";

const CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const NEW_PASSWORD = "amber-Lighthouse-quarry-58";
const RESET_PASSWORD = "velvet-Compass-harbor-91";
const DAY = 24 * 60 * 60 * 1000;

let restoreEnv: () => void;
beforeAll(() => {
  restoreEnv = overrideEnvForTests({ SMTP_URL: undefined });
});
afterAll(() => restoreEnv());

type Entry = { id: number; kind: string; ip: string | null; device: string | null; session_id: string | null; session_active: boolean; details: Record<string, unknown> };

const activity = (cookie: string | undefined, query = "", options: { uuid?: string; headers?: Record<string, string> } = {}) => {
  const uuid = options.uuid ?? "@me";
  return call(ACTIVITY, { path: `/api/users/${uuid}/activity${query}`, params: { uuid }, cookie, headers: options.headers });
};
async function entries(cookie: string, query = ""): Promise<Entry[]> {
  const response = await activity(cookie, query);
  expect(response.status).toBe(200);
  return response.body.results;
}
const kindsOf = (list: Entry[]) => list.map((entry) => entry.kind);
const storedRows = (userId: number) => db().activityEntry.findMany({ where: { userId }, orderBy: { id: "asc" } });

/** A browser-like request from `ip` with a user agent, as server.mjs hands it to the app. */
const browser = (ip: string, agent = CHROME_MAC) => fromClient(ip, { "user-agent": agent });

async function signIn(email: string, password: string, headers: Record<string, string>, otp?: string) {
  try {
    return await authorizeCredentials({ email, password, ...(otp ? { otp } : {}) }, new Headers(headers));
  } catch (error) {
    return (error as Error).message;
  }
}

/** None of the values a test used may be in the user's stored entries or in any log line written meanwhile. */
async function expectNoSecrets(userId: number, logs: ReturnType<typeof captureLogs>, values: string[]) {
  const stored = JSON.stringify(await storedRows(userId));
  for (const value of values) {
    expect(value.length).toBeGreaterThan(5);
    expect(stored).not.toContain(value);
    expect(logs.text()).not.toContain(value);
  }
}

const outbox = (to: string) => db().outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

describe("the activity log records each event once, with where it came from and no secret", () => {
  let logs: ReturnType<typeof captureLogs>;
  beforeEach(() => {
    logs = captureLogs("debug");
  });
  afterEach(() => logs.restore());

  it("sign-ins (and refused ones with a reason class), sign-out and revoked sessions", async () => {
    const user = await createTestUser();
    const ip = newClientAddress();
    expect(await signIn(user.email, "not-the-password", browser(ip))).toBeNull();
    const signedIn = await signIn(user.email, TEST_PASSWORD, browser(ip));
    expect(signedIn).toMatchObject({ sessionId: expect.any(String) });
    const sessionId = (signedIn as { sessionId: string }).sessionId;
    // While it is signed in, the page can link the sign-in to its device.
    expect((await entries((await signedInSession(user)).cookie))[0]).toMatchObject({ kind: "sign_in", session_id: sessionId, session_active: true });

    const rows = await storedRows(user.id);
    expect(rows.map((row) => row.kind)).toEqual(["sign_in_failed", "sign_in"]);
    expect(rows[0]).toMatchObject({ ip, device: "Chrome on Mac OS", details: { reason: "wrong_password" } });
    expect(rows[1]).toMatchObject({ ip, device: "Chrome on Mac OS", sessionId, details: { method: "password" } });

    const other = await signedInSession(user);
    const third = await signedInSession(user);
    const current = await signedInSession(user);
    expect((await call(REVOKE, { method: "DELETE", path: `/api/users/@me/sessions/${other.id}`, params: { uuid: "@me", id: other.id }, cookie: current.cookie, headers: browser(ip) })).status).toBe(204);
    expect((await call(REVOKE_OTHERS, { method: "POST", path: "/api/users/@me/sessions/revoke_others", params: { uuid: "@me" }, cookie: current.cookie, headers: browser(ip) })).status).toBe(200);
    await authOptions().events!.signOut!({ token: { sub: user.uuid, email: user.email, sid: current.id }, session: null as never });

    const list = await entries((await signedInSession(user)).cookie);
    expect(kindsOf(list)).toEqual(["sign_out", "session_revoked", "session_revoked", "sign_in", "sign_in_failed"]);
    expect(list[0]).toMatchObject({ session_id: current.id, session_active: false });
    expect(list[1]).toMatchObject({ details: { sessions: 3 }, ip, session_id: current.id });
    expect(list[2]).toMatchObject({ details: { sessions: 1, device: "Test runner" } });
    // "Sign out everywhere else" ended it too.
    expect(list[3]).toMatchObject({ session_id: sessionId, session_active: false });
    await expectNoSecrets(user.id, logs, [TEST_PASSWORD, "not-the-password"]);
    expect(await db().session.findUniqueOrThrow({ where: { id: third.id } })).toMatchObject({ revokedAt: expect.any(Date) });
  });

  it("does not write an entry for an unknown email, and records a wrong second factor as wrong_code", async () => {
    const user = await createTestUser();
    const { cookie } = await signedInSession(user);
    const { secret } = await enableTwoFactor(cookie);
    expect(await signIn(`nobody-${user.uuid}@example.test`, TEST_PASSWORD, browser(newClientAddress()))).toBeNull();
    expect(await signIn(user.email, TEST_PASSWORD, browser(newClientAddress()), "000000")).toBe("2fa_invalid");
    expect(await signIn(user.email, TEST_PASSWORD, browser(newClientAddress()), await codeFor(secret, 1))).toMatchObject({ sessionId: expect.any(String) });
    const list = await entries(cookie);
    expect(kindsOf(list)).toEqual(["sign_in", "sign_in_failed", "two_factor_enabled"]);
    expect(list[0]!.details).toEqual({ method: "totp" });
    expect(list[1]!.details).toEqual({ reason: "wrong_code" });
    await expectNoSecrets(user.id, logs, [secret, TEST_PASSWORD]);
    expect(JSON.stringify(await storedRows(user.id))).not.toMatch(/"0{6}"/);
  });

  it("two-factor: enabled, backup codes generated, backup code used, disabled — and never a code in a row or a log line", async () => {
    const user = await createTestUser();
    const { cookie } = await signedInSession(user);
    const ip = newClientAddress();
    const { secret, backupCodes } = await enableTwoFactor(cookie, browser(ip));
    const regenerated = await call(NEW_BACKUP_CODES, { method: "POST", path: "/api/users/@me/two_factor_backup_codes", params: { uuid: "@me" }, cookie, headers: browser(ip) });
    expect(regenerated.status).toBe(200);
    const codes: string[] = regenerated.body.backup_codes;
    expect(await signIn(user.email, TEST_PASSWORD, browser(newClientAddress(), FIREFOX_LINUX), codes[0])).toMatchObject({ sessionId: expect.any(String) });
    const token = await codeFor(secret, 1);
    expect((await call(DISABLE_2FA, { method: "POST", path: "/api/users/@me/two_factor_disable", params: { uuid: "@me" }, cookie, body: { token }, headers: browser(ip) })).status).toBe(200);

    const list = await entries(cookie);
    expect(kindsOf(list)).toEqual(["two_factor_disabled", "sign_in", "backup_code_used", "backup_codes_generated", "two_factor_enabled"]);
    expect(list[0]!.details).toMatchObject({ confirmed_with: "totp" });
    expect(list[1]).toMatchObject({ device: "Firefox on Linux", details: { method: "backup_code" } });
    expect(list[3]!.details).toEqual({ codes: 10 });
    for (const entry of [list[0], list[3], list[4]]) expect(entry).toMatchObject({ ip, device: "Chrome on Mac OS" });
    await expectNoSecrets(user.id, logs, [secret, token, TEST_PASSWORD, ...backupCodes, ...codes]);
  });

  it("password changed, email change requested / cancelled / confirmed, password reset", async () => {
    const user = await createTestUser();
    const ip = newClientAddress();
    const { cookie } = await signedInSession(user);
    const patch = (body: unknown) => call(PATCH, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, body, headers: browser(ip) });

    expect((await patch({ password: NEW_PASSWORD, current_password: TEST_PASSWORD })).status).toBe(200);
    const renewed = (await db().session.findFirst({ where: { userId: user.id, revokedAt: null }, orderBy: { createdAt: "desc" } }))!;
    const next = await signedInSession(user);

    const first = `first-${user.uuid}@example.test`;
    const second = `second-${user.uuid}@example.test`;
    const patchAs = (sessionCookie: string, body: unknown) => call(PATCH, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie: sessionCookie, body, headers: browser(ip) });
    expect((await patchAs(next.cookie, { email: first, current_password: NEW_PASSWORD })).status).toBe(200);
    expect((await call(CANCEL_EMAIL, { method: "PATCH", path: "/api/users/cancel_email_change_request", cookie: next.cookie })).status).toBe(200);
    expect((await patchAs(next.cookie, { email: second, current_password: NEW_PASSWORD })).status).toBe(200);
    const link = /token=([A-Za-z0-9_-]{43})/.exec((await outbox(second)).at(-1)!.text)![1]!;
    expect((await call(VERIFY_EMAIL, { method: "POST", path: "/api/users/verify_email", body: { uuid: user.uuid, token: link }, cookie: next.cookie })).status).toBe(200);

    expect((await call(REQUEST_RESET, { method: "POST", path: "/api/reset", body: { email: second }, headers: browser(ip) })).status).toBe(202);
    // The link is issued and mailed after the answer (timing must not tell whether the account exists).
    const resetToken = await vi.waitFor(async () => /\/reset\/([A-Za-z0-9_-]{43})\b/.exec((await outbox(second)).at(-1)!.text)![1]!, { timeout: 5000 });
    expect((await call(COMPLETE_RESET, { method: "POST", path: `/api/reset/${resetToken}`, params: { token: resetToken }, body: { password: RESET_PASSWORD }, headers: browser(ip) })).status).toBe(204);

    const list = await entries((await signedInSession(user)).cookie);
    expect(kindsOf(list)).toEqual(["password_reset", "email_change_confirmed", "email_change_requested", "email_change_cancelled", "email_change_requested", "password_changed"]);
    expect(list[0]).toMatchObject({ ip, device: "Chrome on Mac OS", session_id: null, details: { other_sessions_signed_out: expect.any(Number) } });
    expect(list[1]!.details).toMatchObject({ from: user.email, to: second });
    expect(list[2]!.details).toEqual({ email: second });
    expect(list[3]!.details).toEqual({ email: first });
    for (const entry of [list[2], list[4]]) expect(entry).toMatchObject({ ip, device: "Chrome on Mac OS" });
    expect(list[5]).toMatchObject({ ip, device: "Chrome on Mac OS" });
    expect(renewed.id).toBeTruthy();

    await expectNoSecrets(user.id, logs, [TEST_PASSWORD, NEW_PASSWORD, RESET_PASSWORD, link, resetToken]);
  });

  it("API keys created, rolled and revoked name the key but never its value", async () => {
    const user = await createTestUser();
    const { cookie } = await signedInSession(user);
    const ip = newClientAddress();
    const headers = browser(ip, FIREFOX_LINUX);
    const key = await createKeyFor(user, ["user:read"], { cookie, label: "deploy bot", headers });
    const rolled = await call(ROLL_KEY, { method: "POST", path: `/api/personal_api_keys/${key.id}/roll`, params: { id: key.id }, cookie, headers });
    expect(rolled.status).toBe(200);
    expect((await call(DELETE_KEY, { method: "DELETE", path: `/api/personal_api_keys/${key.id}`, params: { id: key.id }, cookie, headers })).status).toBe(204);
    const list = await entries(cookie);
    expect(kindsOf(list)).toEqual(["api_key_revoked", "api_key_rolled", "api_key_created"]);
    for (const entry of list) expect(entry).toMatchObject({ ip, device: "Firefox on Linux", details: { key_id: key.id, label: "deploy bot", scopes: ["user:read"] } });
    await expectNoSecrets(user.id, logs, [key.value, rolled.body.value]);
  });

  it("credentials reviewed, and what staff did to the account, naming the staff member", async () => {
    const user = await createTestUser();
    const staff = await createTestUser({ staff: true });
    const { cookie } = await signedInSession(user);
    const staffCookie = (await signedInSession(staff)).cookie;
    const staffPatch = await call(PATCH, { method: "PATCH", path: `/api/users/${user.uuid}`, params: { uuid: user.uuid }, cookie: staffCookie, body: { first_name: "Renamed" }, headers: browser("127.0.0.2") });
    expect(staffPatch.status).toBe(200);
    expect((await call(REVIEW_DONE, { method: "POST", path: "/api/users/@me/credentials_review_complete", params: { uuid: "@me" }, cookie })).status).toBe(204);
    const list = await entries(cookie);
    expect(kindsOf(list)).toEqual(["credentials_reviewed", "staff_action"]);
    expect(list[1]).toMatchObject({ ip: null, device: null, details: { action: "user.updated", staff: staff.email, fields: ["first_name"] } });
    // The staff member's own log does not get the target's line.
    expect(kindsOf(await entries(staffCookie))).toEqual([]);
  });

  it("every staff action on the account: staff flag, credential review request, signal settings", async () => {
    const user = await createTestUser();
    const staff = await createTestUser({ staff: true });
    const staffCookie = (await signedInSession(staff)).cookie;
    const asStaff = { cookie: staffCookie, headers: browser("127.0.0.2") };
    const promote = await call(PATCH, { method: "PATCH", path: `/api/users/${user.uuid}`, params: { uuid: user.uuid }, body: { is_staff: true }, ...asStaff });
    expect(promote.status).toBe(200);
    const review = await call(REQUEST_REVIEW, { method: "POST", path: `/api/admin/users/${user.uuid}/request_credential_review`, params: { uuid: user.uuid }, ...asStaff });
    expect(review.status).toBe(204);
    const signals = await call(SIGNALS, { method: "POST", path: `/api/users/${user.uuid}/signal_autonomy`, params: { uuid: user.uuid }, body: { autostart_priority: "P1" }, ...asStaff });
    expect(signals.status).toBe(201);
    // A change of privilege signs the account out everywhere: read the log from a new sign-in.
    const { cookie } = await signedInSession(user);
    const list = await entries(cookie, "?kind=staff_action");
    expect(list.map((entry) => entry.details.action)).toEqual(["user.signal_autonomy_changed", "user.credential_review_requested", "user.staff_changed"]);
    for (const entry of list) expect(entry).toMatchObject({ ip: null, device: null, details: { staff: staff.email } });
    expect(list[2]!.details.fields).toEqual(["is_staff"]);
    expect(kindsOf(await entries(staffCookie))).toEqual([]);
  });
});

describe("GET /api/users/@me/activity", () => {
  it("pages newest first and filters by kind or group", async () => {
    const user = await createTestUser();
    const { cookie } = await signedInSession(user);
    const kinds = ["sign_in", "api_key_created", "sign_in_failed", "two_factor_enabled", "sign_in"] as const;
    for (const kind of kinds) await db().activityEntry.create({ data: { userId: user.id, kind } });

    const page = await activity(cookie, "?limit=2&offset=1");
    expect(page.body).toMatchObject({ count: 5, previous: expect.stringContaining("limit=2"), next: expect.stringContaining("offset=3") });
    expect(kindsOf(page.body.results)).toEqual(["two_factor_enabled", "sign_in_failed"]);
    expect(kindsOf(await entries(cookie, "?kind=sign_in"))).toEqual(["sign_in", "sign_in"]);
    expect(kindsOf(await entries(cookie, "?kind=sign_in_failed,api_key_created"))).toEqual(["sign_in_failed", "api_key_created"]);
    expect(kindsOf(await entries(cookie, "?kind=sign_ins"))).toEqual(["sign_in", "sign_in_failed", "sign_in"]);
    expect(ACTIVITY_KINDS).toContain("staff_action");
  });

  it("answers a bad kind or page with a 400 naming the field", async () => {
    const user = await createTestUser();
    const { cookie } = await signedInSession(user);
    for (const [query, attr] of [["?kind=password", "kind"], ["?kind=,", "kind"], ["?limit=0", "limit"]] as const) {
      const response = await activity(cookie, query);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ type: "validation_error", attr });
    }
  });

  it("is the owner's alone: anonymous 401, another user (staff too) 403, a personal API key refused", async () => {
    const user = await createTestUser();
    const staff = await createTestUser({ staff: true });
    await db().activityEntry.create({ data: { userId: user.id, kind: "sign_in", ip: "192.0.2.7" } });
    expectError(await activity(undefined), 401, { type: "authentication_error", code: "not_authenticated", attr: null });
    const staffCookie = (await signedInSession(staff)).cookie;
    const asStaff = await activity(staffCookie, "", { uuid: user.uuid });
    expectError(asStaff, 403, { type: "authentication_error", code: "permission_denied", attr: null });
    expect(JSON.stringify(asStaff.body)).not.toContain("192.0.2.7");
    const key = await createKeyFor(user, ["user:read"]);
    const withKey = await activity(undefined, "", { headers: bearer(key.value) });
    expectError(withKey, 401, { type: "authentication_error", code: "not_authenticated", attr: null });
    expect(JSON.stringify(withKey.body)).not.toContain("192.0.2.7");
  });

  it("entries cannot be changed, and go with retention or the account", async () => {
    const user = await createTestUser();
    const old = await db().activityEntry.create({ data: { userId: user.id, kind: "sign_in", createdAt: new Date(Date.now() - 200 * DAY) } });
    const recent = await db().activityEntry.create({ data: { userId: user.id, kind: "sign_in", createdAt: new Date(Date.now() - 100 * DAY) } });
    await db().$executeRaw`UPDATE account_activity SET kind = 'sign_out' WHERE id = ${recent.id}`;
    expect((await db().activityEntry.findUnique({ where: { id: recent.id } }))!.kind).toBe("sign_in");

    const restore = overrideEnvForTests({ ACTIVITY_RETENTION_DAYS: "150" });
    try {
      const { removed } = await pruneActivity();
      expect(removed).toBeGreaterThanOrEqual(1);
    } finally {
      restore();
    }
    expect(await db().activityEntry.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db().activityEntry.findUnique({ where: { id: recent.id } })).not.toBeNull();
    await db().user.delete({ where: { id: user.id } });
    expect(await db().activityEntry.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("new-device sign-in mail", () => {
  it("is sent for a device the account has not used, not for the first sign-in or a known device", async () => {
    const user = await createTestUser();
    const home = newClientAddress();
    await signIn(user.email, TEST_PASSWORD, browser(home));
    await signIn(user.email, TEST_PASSWORD, browser(home));
    expect((await outbox(user.email)).filter((mail) => mail.subject.includes("New sign-in"))).toHaveLength(0);

    const elsewhere = newClientAddress();
    await signIn(user.email, TEST_PASSWORD, browser(elsewhere, FIREFOX_LINUX));
    const mails = (await outbox(user.email)).filter((mail) => mail.subject.includes("New sign-in"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("Firefox on Linux");
    expect(mails[0]!.text).toContain(elsewhere);
    expect(mails[0]!.text).toContain("/settings/security#signed-in-devices");
    await signIn(user.email, TEST_PASSWORD, browser(elsewhere, FIREFOX_LINUX));
    expect((await outbox(user.email)).filter((mail) => mail.subject.includes("New sign-in"))).toHaveLength(1);
  });
});

describe("ME is unaffected", () => {
  it("reading the account writes nothing to its activity", async () => {
    const user = await createTestUser();
    const { cookie } = await signedInSession(user);
    expect((await call(ME, { path: "/api/users/@me", params: { uuid: "@me" }, cookie })).status).toBe(200);
    expect(await db().activityEntry.count({ where: { userId: user.id } })).toBe(0);
  });
});
