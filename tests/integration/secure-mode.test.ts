import { afterEach, describe, expect, it } from "vitest";
import { POST as LOCK } from "@/app/api/auth/lock/route";
import { POST as REAUTH } from "@/app/api/auth/reauthenticate/route";
import { POST as CREATE_KEY } from "@/app/api/personal_api_keys/route";
import { DELETE as DELETE_KEY } from "@/app/api/personal_api_keys/[id]/route";
import { POST as ROLL_KEY } from "@/app/api/personal_api_keys/[id]/roll/route";
import { PATCH as CANCEL_EMAIL_CHANGE } from "@/app/api/users/cancel_email_change_request/route";
import { POST as REVIEW_COMPLETE } from "@/app/api/users/[uuid]/credentials_review_complete/route";
import { POST as GITHUB_START } from "@/app/api/users/[uuid]/integrations/github/start/route";
import { DELETE as GITHUB_REMOVE } from "@/app/api/users/[uuid]/integrations/github/[installation_id]/route";
import { DELETE as DELETE_USER, GET as GET_USER, PATCH } from "@/app/api/users/[uuid]/route";
import { DELETE as SIGN_OUT_DEVICE } from "@/app/api/users/[uuid]/sessions/[id]/route";
import { POST as REVOKE_OTHERS } from "@/app/api/users/[uuid]/sessions/revoke_others/route";
import { POST as BACKUP_CODES } from "@/app/api/users/[uuid]/two_factor_backup_codes/route";
import { POST as DISABLE_2FA } from "@/app/api/users/[uuid]/two_factor_disable/route";
import { db } from "@/lib/db/client";
import { overrideEnvForTests } from "@/lib/env";
import { expectError } from "../support/envelope";
import { bearer, createKeyFor } from "../support/personal-api-keys";
import { call, signedInSession, type CallOptions } from "../support/requests";
import { codeFor, enableTwoFactor } from "../support/two-factor";
import { createTestUser, reloadUser, TEST_PASSWORD } from "../support/users";

const HOUR = 60 * 60 * 1000;
const me = { uuid: "@me" };
type User = Awaited<ReturnType<typeof createTestUser>>;

/** A session signed in `ageMs` ago (the row's authenticated-at; it is otherwise live). */
async function agedSession(user: User, ageMs: number) {
  const session = await signedInSession(user);
  await db().session.update({ where: { id: session.id }, data: { authenticatedAt: new Date(Date.now() - ageMs) } });
  return session;
}

const patch = (cookie: string, body: unknown, uuid = "@me") => call(PATCH, { method: "PATCH", path: `/api/users/${uuid}`, params: { uuid }, cookie, body });
const reauth = (cookie: string | undefined, body: unknown) => call(REAUTH, { method: "POST", path: "/api/auth/reauthenticate", cookie, body });

function expectReauthRequired(response: { status: number; body: { sensitive_session_expires_at?: string } }) {
  expectError(response as never, 403, { type: "authentication_error", code: "reauth_required", attr: null });
  expect(Date.parse(response.body.sensitive_session_expires_at ?? "")).toBeLessThan(Date.now());
}

let restoreEnv: (() => void) | undefined;
afterEach(() => {
  restoreEnv?.();
  restoreEnv = undefined;
});

describe("secure mode: a sign-in older than the window cannot change what matters", () => {
  it.each([
    ["first_name", { first_name: "Mallory" }],
    ["anonymize_data", { anonymize_data: true }],
    ["toolbar_mode", { toolbar_mode: "disabled" }],
    ["hide_mcp_hints", { hide_mcp_hints: true }],
    ["password", { password: "a-brand-new-passphrase-9", current_password: TEST_PASSWORD }],
    ["email", { email: "elsewhere@example.test", current_password: TEST_PASSWORD }],
  ])("PATCH %s → 403 reauth_required, and the row is unchanged", async (_field, body) => {
    const user = await createTestUser();
    const { cookie } = await agedSession(user, 3 * HOUR);
    const before = await reloadUser(user.id);
    expectReauthRequired(await patch(cookie, body));
    expect(await reloadUser(user.id)).toEqual(before);
  });

  it("an email change needs a fresher sign-in than the rest: 15 minutes old may rename, not move the address", async () => {
    const user = await createTestUser();
    const { cookie } = await agedSession(user, 15 * 60 * 1000);
    expect((await patch(cookie, { first_name: "Fresh enough" })).status).toBe(200);
    expectReauthRequired(await patch(cookie, { email: "moved@example.test", current_password: TEST_PASSWORD }));
    expect((await reloadUser(user.id))?.pendingEmail).toBeNull();
  });

  it.each([
    ["theme_mode", { theme_mode: "dark" }],
    ["allow_sidebar_suggestions", { allow_sidebar_suggestions: true }],
    ["shortcut_position", { shortcut_position: "above" }],
    ["has_seen_product_intro_for", { has_seen_product_intro_for: { surveys: true } }],
    ["events_column_config", { events_column_config: { active: ["event"] } }],
    ["role_at_organization", { role_at_organization: "engineering" }],
    ["hedgehog_config", { hedgehog_config: { skin: "robohog" } }],
    ["notification_settings", { notification_settings: { plugin_disabled: true } }],
    ["nothing", {}],
  ])("PATCH %s stays open to an old sign-in", async (_field, body) => {
    const user = await createTestUser();
    const { cookie } = await agedSession(user, 3 * HOUR);
    expect((await patch(cookie, body)).status).toBe(200);
  });

  it("the rest of the sensitive routes refuse an old sign-in and change nothing", async () => {
    const user = await createTestUser();
    const fresh = await signedInSession(user);
    await enableTwoFactor(fresh.cookie);
    const key = await createKeyFor(user, ["user:read"], { cookie: fresh.cookie });
    await db().user.update({ where: { id: user.id }, data: { requiresCredentialReview: true, pendingEmail: "pending@example.test" } });
    await db().gitHubIntegration.create({ data: { userId: user.id, installationId: "4242", accountLogin: "acme", accountType: "Organization", githubUserLogin: "octocat", githubUserId: 1n } });
    const { cookie } = await agedSession(user, 3 * HOUR);
    restoreEnv = overrideEnvForTests({ GITHUB_APP_ID: "1", GITHUB_APP_SLUG: "app", GITHUB_APP_PRIVATE_KEY: "key", GITHUB_APP_CLIENT_ID: "id", GITHUB_APP_CLIENT_SECRET: "secret" });

    const attempts: Array<[string, (options: Pick<CallOptions, "cookie">) => ReturnType<typeof call>]> = [
      ["create a key", (o) => call(CREATE_KEY, { ...o, method: "POST", path: "/api/personal_api_keys", body: { label: "late", scopes: ["user:read"] } })],
      ["roll a key", (o) => call(ROLL_KEY, { ...o, method: "POST", path: `/api/personal_api_keys/${key.id}/roll`, params: { id: key.id } })],
      ["delete a key", (o) => call(DELETE_KEY, { ...o, method: "DELETE", path: `/api/personal_api_keys/${key.id}`, params: { id: key.id } })],
      ["new backup codes", (o) => call(BACKUP_CODES, { ...o, method: "POST", path: "/api/users/@me/two_factor_backup_codes", params: me })],
      ["turn two-factor off", (o) => call(DISABLE_2FA, { ...o, method: "POST", path: "/api/users/@me/two_factor_disable", params: me, body: { token: "000000" } })],
      ["cancel the email change", (o) => call(CANCEL_EMAIL_CHANGE, { ...o, method: "PATCH", path: "/api/users/cancel_email_change_request" })],
      ["complete the credential review", (o) => call(REVIEW_COMPLETE, { ...o, method: "POST", path: "/api/users/@me/credentials_review_complete", params: me })],
      ["sign out a device", (o) => call(SIGN_OUT_DEVICE, { ...o, method: "DELETE", path: `/api/users/@me/sessions/${fresh.id}`, params: { ...me, id: fresh.id } })],
      ["sign out the others", (o) => call(REVOKE_OTHERS, { ...o, method: "POST", path: "/api/users/@me/sessions/revoke_others", params: me })],
      ["connect GitHub", (o) => call(GITHUB_START, { ...o, method: "POST", path: "/api/users/@me/integrations/github/start", params: me })],
      ["remove GitHub", (o) => call(GITHUB_REMOVE, { ...o, method: "DELETE", path: "/api/users/@me/integrations/github/4242", params: { ...me, installation_id: "4242" } })],
      ["delete the account", (o) => call(DELETE_USER, { ...o, method: "DELETE", path: "/api/users/@me", params: me })],
    ];
    const snapshot = async () => ({
      user: await reloadUser(user.id),
      keys: await db().personalApiKey.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } }),
      codes: await db().backupCode.count({ where: { userId: user.id, usedAt: null } }),
      device: await db().totpDevice.count({ where: { userId: user.id } }),
      sessions: await db().session.count({ where: { userId: user.id, revokedAt: null } }),
      states: await db().gitHubConnectState.count({ where: { userId: user.id } }),
      integrations: await db().gitHubIntegration.count({ where: { userId: user.id } }),
    });
    const before = await snapshot();
    for (const [what, attempt] of attempts) expectReauthRequired(Object.assign(await attempt({ cookie }), { what }));
    expect(await snapshot()).toEqual(before);
  });

  it("staff changing another user's staff flag or deleting them need a recent sign-in too", async () => {
    const staff = await createTestUser({ staff: true });
    const target = await createTestUser({ staff: true });
    const { cookie } = await agedSession(staff, 3 * HOUR);
    expectReauthRequired(await patch(cookie, { is_staff: false }, target.uuid));
    expectReauthRequired(await call(DELETE_USER, { method: "DELETE", path: `/api/users/${target.uuid}`, params: { uuid: target.uuid }, cookie }));
    expect(await reloadUser(target.id)).toMatchObject({ isStaff: true });
  });

  it("a personal API key is not held to it", async () => {
    const user = await createTestUser();
    const key = await createKeyFor(user, ["user:write"]);
    await db().session.updateMany({ where: { userId: user.id }, data: { authenticatedAt: new Date(0) } });
    expect((await call(PATCH, { method: "PATCH", path: "/api/users/@me", params: me, headers: bearer(key.value), body: { first_name: "Scripted" } })).status).toBe(200);
  });

  it("reports when this session's window ends, as the reference does", async () => {
    const user = await createTestUser();
    const { cookie } = await agedSession(user, HOUR);
    const { body } = await call(GET_USER, { path: "/api/users/@me", params: me, cookie });
    expect(Math.abs(Date.parse(body.sensitive_session_expires_at) - (Date.now() + HOUR))).toBeLessThan(60_000);
  });
});

describe("POST /api/auth/reauthenticate", () => {
  it("the password renews the window of this session only; Lock now ends it", async () => {
    const user = await createTestUser();
    const [first, second] = [await agedSession(user, 3 * HOUR), await agedSession(user, 3 * HOUR)];
    expectError(await reauth(first.cookie, { password: "not it" }), 400, { type: "validation_error", code: "invalid_credentials", attr: null });
    expectReauthRequired(await patch(first.cookie, { first_name: "Still refused" }));

    const renewed = await reauth(first.cookie, { password: TEST_PASSWORD });
    expect(renewed.status).toBe(200);
    expect(Date.parse(renewed.body.sensitive_session_expires_at)).toBeGreaterThan(Date.now() + HOUR);
    expect((await patch(first.cookie, { first_name: "Confirmed" })).status).toBe(200);
    expectReauthRequired(await patch(second.cookie, { first_name: "Other session" }));
    expect((await reloadUser(user.id))?.firstName).toBe("Confirmed");

    expect((await call(LOCK, { method: "POST", path: "/api/auth/lock", cookie: first.cookie })).body).toEqual({ sensitive_session_expires_at: null });
    expectReauthRequired(await patch(first.cookie, { first_name: "Locked" }));
  });

  it("with two-factor on: the code is required, a wrong one fails like a wrong password, a right code or a backup code works", async () => {
    const user = await createTestUser();
    const { secret, backupCodes } = await enableTwoFactor((await signedInSession(user)).cookie);
    const { cookie } = await agedSession(user, 3 * HOUR);
    expectError(await reauth(cookie, { password: TEST_PASSWORD }), 400, { type: "validation_error", code: "required", attr: "otp" });
    const wrongCode = await reauth(cookie, { password: TEST_PASSWORD, otp: "000000" });
    const wrongPassword = await reauth(cookie, { password: "not it", otp: await codeFor(secret) });
    expect(wrongCode.body).toEqual(wrongPassword.body);
    expectError(wrongCode, 400, { type: "validation_error", code: "invalid_credentials", attr: null });
    // The current step's code went into turning two-factor on; the next one is fresh.
    expect((await reauth(cookie, { password: TEST_PASSWORD, otp: await codeFor(secret, 1) })).status).toBe(200);

    const other = await agedSession(user, 3 * HOUR);
    expect((await reauth(other.cookie, { password: TEST_PASSWORD, otp: backupCodes[0] })).status).toBe(200);
    expect(await db().backupCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1);
  });

  it("wrong passwords count against the sign-in budget: 429 with Retry-After", async () => {
    restoreEnv = overrideEnvForTests({ RATE_LIMIT_SIGNIN_PER_EMAIL_AND_CLIENT_LIMIT: "2" });
    const user = await createTestUser();
    const { cookie } = await agedSession(user, 3 * HOUR);
    for (let attempt = 0; attempt < 2; attempt++) expect((await reauth(cookie, { password: `wrong-${attempt}` })).status).toBe(400);
    const limited = await reauth(cookie, { password: TEST_PASSWORD });
    expectError(limited, 429, { type: "throttled_error", code: "throttled" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("anonymous callers get 401; a personal API key is refused", async () => {
    expectError(await reauth(undefined, { password: TEST_PASSWORD }), 401, { type: "authentication_error", code: "not_authenticated" });
    const user = await createTestUser();
    const key = await createKeyFor(user, ["user:write"]);
    expectError(await call(REAUTH, { method: "POST", path: "/api/auth/reauthenticate", headers: bearer(key.value), body: { password: TEST_PASSWORD } }), 401, { type: "authentication_error", code: "not_authenticated" });
  });
});
