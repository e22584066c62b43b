import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { withoutPasswordHash } from "@/lib/auth/principal";
import { GET as LIST } from "@/app/api/users/[uuid]/sessions/route";
import { DELETE as REVOKE } from "@/app/api/users/[uuid]/sessions/[id]/route";
import { POST as REVOKE_OTHERS } from "@/app/api/users/[uuid]/sessions/revoke_others/route";
import { endpointOf } from "@/lib/api/route";
import { db } from "@/lib/db/client";
import { GET as START_2FA } from "@/app/api/users/[uuid]/two_factor_start_setup/route";
import { GET as START_2FA_ALIAS } from "@/app/api/users/[uuid]/start_2fa_setup/route";
import { POST as VALIDATE_2FA } from "@/app/api/users/[uuid]/two_factor_validate/route";
import { POST as VALIDATE_2FA_ALIAS } from "@/app/api/users/[uuid]/validate_2fa/route";
import { GET as STATUS_2FA } from "@/app/api/users/[uuid]/two_factor_status/route";
import { POST as BACKUP_CODES } from "@/app/api/users/[uuid]/two_factor_backup_codes/route";
import { POST as DISABLE_2FA } from "@/app/api/users/[uuid]/two_factor_disable/route";
import { PATCH as PATCH_USER } from "@/app/api/users/[uuid]/route";
import { PATCH as CANCEL_EMAIL_CHANGE } from "@/app/api/users/cancel_email_change_request/route";
import { POST as CREDENTIALS_REVIEW_COMPLETE } from "@/app/api/users/[uuid]/credentials_review_complete/route";
import { requestCredentialReview } from "@/lib/users/credential-review";
import { expectError } from "../support/envelope";
import { call, signedInSession } from "../support/requests";
import { createTestUser, TEST_PASSWORD } from "../support/users";

// The caller is injected as a personal API key with every scope; the same refusals with real keys
// (made and presented through the real routes) are in personal-api-keys.test.ts.
const injected = vi.hoisted(() => ({ principal: null as Principal | null }));
vi.mock("@/lib/auth/principal", async (original) => ({
  ...(await original<typeof import("@/lib/auth/principal")>()),
  authenticate: async () => injected.principal,
}));

beforeEach(() => {
  injected.principal = null;
});

async function keyHolder() {
  const user = await createTestUser();
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
  injected.principal = { ...withoutPasswordHash(row), method: "personal_api_key", scopes: "*", apiKeyId: randomUUID(), session: null, currentOrganizationEnforces2fa: false };
  return user;
}

const sessionOnly = { type: "authentication_error", code: "not_authenticated", attr: null } as const;

describe("the session routes refuse personal API keys, even with every scope", () => {
  it("cannot list, revoke one or revoke the others, and nothing changes", async () => {
    const user = await keyHolder();
    const session = await signedInSession(user);
    const params = { uuid: "@me" };
    expectError(await call(LIST, { path: "/api/users/@me/sessions", params }), 401, sessionOnly);
    expectError(await call(REVOKE, { method: "DELETE", path: `/api/users/@me/sessions/${session.id}`, params: { ...params, id: session.id } }), 401, sessionOnly);
    expectError(await call(REVOKE_OTHERS, { method: "POST", path: "/api/users/@me/sessions/revoke_others", params }), 401, sessionOnly);
    expect((await db().session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).toBeNull();
  });

  it("are declared session-only, so the document says so", () => {
    for (const handler of [LIST, REVOKE, REVOKE_OTHERS]) expect(endpointOf(handler)?.spec.auth).toBe("session");
  });
});

describe("the two-factor routes refuse personal API keys, even with every scope", () => {
  it("cannot start, confirm, read, regenerate or disable, and nothing changes", async () => {
    const user = await keyHolder();
    const params = { uuid: "@me" };
    const at = (path: string) => ({ path: `/api/users/@me/${path}`, params });
    const responses = [
      await call(START_2FA, at("two_factor_start_setup")),
      await call(START_2FA_ALIAS, at("start_2fa_setup")),
      await call(VALIDATE_2FA, { method: "POST", ...at("two_factor_validate"), body: { token: "123456" } }),
      await call(VALIDATE_2FA_ALIAS, { method: "POST", ...at("validate_2fa"), body: { token: "123456" } }),
      await call(STATUS_2FA, at("two_factor_status")),
      await call(BACKUP_CODES, { method: "POST", ...at("two_factor_backup_codes") }),
      await call(DISABLE_2FA, { method: "POST", ...at("two_factor_disable"), body: { token: "123456" } }),
    ];
    for (const response of responses) expectError(response, 401, sessionOnly);
    expect(await db().pendingTotpSetup.findUnique({ where: { userId: user.id } })).toBeNull();
  });

  it("are declared session-only and sensitive", () => {
    for (const handler of [START_2FA, START_2FA_ALIAS, VALIDATE_2FA, VALIDATE_2FA_ALIAS, STATUS_2FA, BACKUP_CODES, DISABLE_2FA]) {
      expect(endpointOf(handler)?.spec).toMatchObject({ auth: "session", sensitive: true });
    }
  });
});

describe("an email change refuses personal API keys, even with every scope", () => {
  it("PATCH email answers 403 and cancel 401, and the row is unchanged", async () => {
    const user = await keyHolder();
    const before = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    const patched = await call(PATCH_USER, {
      method: "PATCH",
      path: "/api/users/@me",
      params: { uuid: "@me" },
      body: { email: `key-${randomUUID()}@test.local`, current_password: TEST_PASSWORD },
    });
    expectError(patched, 403, { type: "authentication_error", code: "permission_denied" });
    expectError(await call(CANCEL_EMAIL_CHANGE, { method: "PATCH", path: "/api/users/cancel_email_change_request" }), 401, sessionOnly);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    expect(await db().emailVerificationToken.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the credential review refuses personal API keys, even with every scope", () => {
  it("cannot dismiss the review, and the flag stays on", async () => {
    const user = await keyHolder();
    await requestCredentialReview(user.id);
    const response = await call(CREDENTIALS_REVIEW_COMPLETE, { method: "POST", path: "/api/users/@me/credentials_review_complete", params: { uuid: "@me" } });
    expectError(response, 401, sessionOnly);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ requiresCredentialReview: true, credentialsReviewedAt: null });
    expect(endpointOf(CREDENTIALS_REVIEW_COMPLETE)?.spec).toMatchObject({ auth: "session", scope: "user:write", subject: "uuid" });
  });
});
