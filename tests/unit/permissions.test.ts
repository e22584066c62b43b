import { describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/scopes";
import {
  hasScope,
  mayAddress,
  mayAuthenticateWith,
  mayChangeEmailOf,
  mayChangeIdentityWith,
  mayChangeStaffFlag,
  mayListEveryone,
  mayManageSessionsOf,
  mayManagePasskeysOf,
  mayCompleteCredentialReviewOf,
  mayManageTwoFactorOf,
  mayChangePasswordOf,
  mayProceedWithoutTwoFactor,
  mayReadActivityOf,
  mayReadOutbox,
  mayRemoveStaffUser,
  mustSetUpTwoFactor,
  parseUserRef,
  type Actor,
  type AuthMode,
  type CredentialKind,
  type Decision,
  type TwoFactorStanding,
} from "@/lib/users/permissions";

const OWN = "0b8f8a52-1c4e-4f55-9f6e-0d3e2a7c9b11";
const OTHER = "7d1c2e9a-5b3f-4c8d-a1e2-3f4a5b6c7d8e";
const actor = (overrides: Partial<Actor> = {}): Actor => ({ id: 1, uuid: OWN, isStaff: false, via: "session", scopes: "*", ...overrides });
const member = actor();
const staff = actor({ isStaff: true });
const readKey = actor({ via: "personal_api_key", scopes: ["user:read"] });
const writeKey = actor({ via: "personal_api_key", scopes: ["user:write"] });

/** `"allowed"`, or the refusal as `status code`. */
function outcome(decision: Decision): string {
  return decision === null ? "allowed" : `${decision.status} ${decision.code}`;
}

describe("addressing a user through :uuid", () => {
  it.each<[string, Actor, string, string]>([
    ["member", member, "@me", "allowed"],
    ["member", member, "%40me", "allowed"],
    ["member", member, OWN, "allowed"],
    ["member", member, OWN.toUpperCase(), "allowed"],
    ["member", member, OTHER, "403 permission_denied"],
    ["member", member, "not-a-uuid", "403 permission_denied"],
    ["staff", staff, "@me", "allowed"],
    ["staff", staff, OTHER, "allowed"],
    ["staff", staff, "not-a-uuid", "allowed"],
  ])("%s → %s: %s", (_who, who, ref, expected) => {
    expect(outcome(mayAddress(who, parseUserRef(who, ref)))).toBe(expected);
  });

  it("reads @me, the caller's uuid and other uuids apart, and flags junk", () => {
    expect(parseUserRef(member, "@me")).toEqual({ kind: "self" });
    expect(parseUserRef(member, OTHER.toUpperCase())).toEqual({ kind: "other", uuid: OTHER });
    expect(parseUserRef(member, "1234")).toEqual({ kind: "malformed" });
  });
});

describe("credentials against a route's auth mode and scope", () => {
  it.each<[string, Actor, AuthMode, string]>([
    ["session", member, "session", "allowed"],
    ["session", member, "either", "allowed"],
    ["write key", writeKey, "session", "401 not_authenticated"],
    ["write key", writeKey, "either", "allowed"],
    ["read key", readKey, "public", "allowed"],
  ])("%s on a %s route → %s", (_who, who, mode, expected) => {
    expect(outcome(mayAuthenticateWith(mode, who.via))).toBe(expected);
  });

  it.each<[string, Actor, Scope, string]>([
    ["session", member, "user:write", "allowed"],
    ["read key", readKey, "user:read", "allowed"],
    ["read key", readKey, "user:write", "403 permission_denied"],
    ["write key", writeKey, "user:read", "allowed"],
    ["write key", writeKey, "user:write", "allowed"],
    ["key with no scopes", actor({ via: "personal_api_key", scopes: [] }), "user:read", "403 permission_denied"],
    ["key with *", actor({ via: "personal_api_key", scopes: "*" }), "user:write", "allowed"],
  ])("%s needing %s → %s", (_who, who, scope, expected) => {
    expect(outcome(hasScope(who, scope))).toBe(expected);
  });

  it("names the missing scope", () => {
    expect(hasScope(readKey, "user:write")?.detail).toContain("user:write");
  });
});

describe("staff rules", () => {
  it.each<[string, Actor, string]>([
    ["member", member, "403 permission_denied"],
    ["staff", staff, "allowed"],
  ])("%s changing a staff flag → %s", (_who, who, expected) => {
    expect(outcome(mayChangeStaffFlag(who))).toBe(expected);
  });

  it.each<[number, "demote" | "delete", string]>([
    [0, "demote", "409 last_staff_user"],
    [0, "delete", "409 last_staff_user"],
    [1, "demote", "allowed"],
    [3, "delete", "allowed"],
  ])("with %i other staff, %s the staff user → %s", (others, action, expected) => {
    expect(outcome(mayRemoveStaffUser(others, action))).toBe(expected);
  });

  it("lets only staff list everyone", () => {
    expect([mayListEveryone(member), mayListEveryone(staff)]).toEqual([false, true]);
  });

  it.each([
    [false, true, false],
    [true, true, true],
    [false, false, false],
    [true, false, false],
  ])("outbox: staff=%s, enabled=%s → may read %s", (isStaff, enabled, expected) => {
    expect(mayReadOutbox(actor({ isStaff }), enabled)).toBe(expected);
  });
});

describe("signed-in devices", () => {
  it.each<[string, { isSelf: boolean }, string]>([
    ["the caller's own sessions", { isSelf: true }, "allowed"],
    ["another user's sessions, even for staff", { isSelf: false }, "403 permission_denied"],
  ])("%s → %s", (_label, target, expected) => {
    expect(outcome(mayManageSessionsOf(target))).toBe(expected);
  });
});

describe("passkeys", () => {
  it.each<[string, { isSelf: boolean }, CredentialKind, string]>([
    ["the caller's own, from a session", { isSelf: true }, "session", "allowed"],
    ["the caller's own, with a personal API key", { isSelf: true }, "personal_api_key", "401 not_authenticated"],
    ["another user's, even for staff", { isSelf: false }, "session", "403 permission_denied"],
    ["another user's, with a key", { isSelf: false }, "personal_api_key", "401 not_authenticated"],
  ])("%s → %s", (_label, target, via, expected) => {
    expect(outcome(mayManagePasskeysOf(target, via))).toBe(expected);
  });
});

describe("credential review", () => {
  it.each<[string, { isSelf: boolean }, string]>([
    ["the caller's own review", { isSelf: true }, "allowed"],
    ["another user's review, even for staff", { isSelf: false }, "403 permission_denied"],
  ])("%s → %s", (_label, target, expected) => {
    expect(outcome(mayCompleteCredentialReviewOf(target))).toBe(expected);
  });
});

describe("account activity", () => {
  it.each<[string, { isSelf: boolean }, string]>([
    ["the caller's own", { isSelf: true }, "allowed"],
    ["another user's, even for staff", { isSelf: false }, "403 permission_denied"],
  ])("%s → %s", (_label, target, expected) => {
    expect(outcome(mayReadActivityOf(target))).toBe(expected);
  });
});

describe("two-factor", () => {
  it.each<[string, { isSelf: boolean }, string]>([
    ["the caller's own", { isSelf: true }, "allowed"],
    ["another user's, even for staff", { isSelf: false }, "403 permission_denied"],
  ])("%s → %s", (_label, target, expected) => {
    expect(outcome(mayManageTwoFactorOf(target))).toBe(expected);
  });
});

describe("email change", () => {
  it.each<[string, { isSelf: boolean }, string]>([
    ["the caller's own address", { isSelf: true }, "allowed"],
    ["another user's, even for staff", { isSelf: false }, "403 permission_denied"],
  ])("%s → %s", (_label, target, expected) => {
    expect(outcome(mayChangeEmailOf(target))).toBe(expected);
  });
});

describe("organization-enforced two-factor", () => {
  const standing = (overrides: Partial<TwoFactorStanding> = {}): TwoFactorStanding => ({
    via: "session",
    twoFactorEnabled: false,
    currentOrganizationEnforces2fa: true,
    ...overrides,
  });
  const blocked = standing();
  const enrolled = standing({ twoFactorEnabled: true });
  const relaxedOrg = standing({ currentOrganizationEnforces2fa: false });
  const keyOfBlockedUser = standing({ via: "personal_api_key" });
  const wayOut = { allowedDuringTwoFactorSetup: true, addressesSelf: true };
  const wayOutOnSomeoneElse = { allowedDuringTwoFactorSetup: true, addressesSelf: false };
  const anythingElse = { allowedDuringTwoFactorSetup: false, addressesSelf: true };

  it.each<[string, TwoFactorStanding, string, { allowedDuringTwoFactorSetup: boolean; addressesSelf: boolean }, string]>([
    ["session without 2FA, enforcing org", blocked, "an ordinary route", anythingElse, "403 two_factor_setup_required"],
    ["session without 2FA, enforcing org", blocked, "a way-out route on themselves", wayOut, "allowed"],
    ["session without 2FA, enforcing org", blocked, "a way-out route on another user (staff)", wayOutOnSomeoneElse, "403 two_factor_setup_required"],
    ["session with 2FA, enforcing org", enrolled, "an ordinary route", anythingElse, "allowed"],
    ["session without 2FA, org not enforcing", relaxedOrg, "an ordinary route", anythingElse, "allowed"],
    ["session without 2FA, org not enforcing", relaxedOrg, "a way-out route on another user", wayOutOnSomeoneElse, "allowed"],
    ["personal API key of a user without 2FA, enforcing org", keyOfBlockedUser, "an ordinary route", anythingElse, "allowed"],
  ])("%s on %s → %s", (_who, who, _what, target, expected) => {
    expect(outcome(mayProceedWithoutTwoFactor(who, target))).toBe(expected);
  });

  it("answers in the envelope as an authentication_error", () => {
    expect(mayProceedWithoutTwoFactor(blocked, anythingElse)).toMatchObject({ status: 403, type: "authentication_error", code: "two_factor_setup_required" });
  });

  it.each<[string, TwoFactorStanding, boolean]>([
    ["blocked session", blocked, true],
    ["enrolled session", enrolled, false],
    ["org not enforcing", relaxedOrg, false],
    ["personal API key", keyOfBlockedUser, false],
  ])("must set up two-factor (pages redirect): %s → %s", (_who, who, expected) => {
    expect(mustSetUpTwoFactor(who)).toBe(expected);
  });
});

describe("identity changes", () => {
  it.each<[CredentialKind, string]>([
    ["session", "allowed"],
    ["personal_api_key", "403 permission_denied"],
  ])("through a %s → %s", (via, expected) => {
    expect(outcome(mayChangeIdentityWith(via))).toBe(expected);
  });
});

describe("password change", () => {
  it.each<[string, { isSelf: boolean }, string]>([
    ["the caller's own", { isSelf: true }, "allowed"],
    ["another user's, even for staff", { isSelf: false }, "403 permission_denied"],
  ])("%s → %s", (_label, target, expected) => {
    expect(outcome(mayChangePasswordOf(target))).toBe(expected);
  });
});
