import { errors, type ApiError } from "@/lib/api/errors";
import { scopeSatisfied, type Scope } from "@/lib/auth/scopes";

/**
 * Who may do what to whom, as small pure predicates. The route wrapper and the services ask
 * these; nothing else decides. Each returns `null` when allowed, or the error to answer with.
 */
export type Refusal = ApiError;
export type Decision = Refusal | null;

export type AuthMode = "session" | "either" | "public";
export type CredentialKind = "session" | "personal_api_key";

export interface Actor {
  id: number;
  uuid: string;
  isStaff: boolean;
  via: CredentialKind;
  scopes: readonly Scope[] | "*";
}

export type UserRef = { kind: "self" } | { kind: "other"; uuid: string } | { kind: "malformed" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `@me`, also percent-encoded: the caller, whoever they turn out to be. */
export function isMeRef(ref: string): boolean {
  return ref.replace(/^%40/i, "@") === "@me";
}

/** A `:uuid` path segment as the caller wrote it: `@me` (also percent-encoded), their own uuid, or someone else. */
export function parseUserRef(actor: Pick<Actor, "uuid">, ref: string): UserRef {
  if (isMeRef(ref) || ref.toLowerCase() === actor.uuid.toLowerCase()) return { kind: "self" };
  return UUID.test(ref) ? { kind: "other", uuid: ref.toLowerCase() } : { kind: "malformed" };
}

/** Personal API keys may only call routes declared `either`; session-only routes refuse them outright. */
export function mayAuthenticateWith(auth: AuthMode, via: CredentialKind): Decision {
  if (auth === "session" && via === "personal_api_key") {
    return errors.notAuthenticated("This action requires a signed-in browser session; personal API keys cannot perform it.");
  }
  return null;
}

/** A key carries scopes; a browser session may do everything its user may. */
export function hasScope(actor: Pick<Actor, "via" | "scopes">, required: Scope): Decision {
  if (actor.via === "session" || scopeSatisfied(actor.scopes, required)) return null;
  return errors.permissionDenied(`API key missing required scope '${required}'.`);
}

/** Anyone may address themselves; only staff may address another user. */
export function mayAddress(actor: Pick<Actor, "isStaff">, ref: UserRef): Decision {
  if (ref.kind === "self" || actor.isStaff) return null;
  return errors.permissionDenied("As a non-staff user you're only allowed to access the `@me` user instance.");
}

/** Staff see every active user in the list; everyone else sees only themselves. */
export function mayListEveryone(actor: Pick<Actor, "isStaff">): boolean {
  return actor.isStaff;
}

/** The mail outbox holds everyone's mail: staff only, and only while it is enabled at all. */
export function mayReadOutbox(actor: Pick<Actor, "isStaff">, outboxEnabled: boolean): boolean {
  return outboxEnabled && actor.isStaff;
}

/** Only staff grant or revoke staff, on anyone including themselves. */
export function mayChangeStaffFlag(actor: Pick<Actor, "isStaff">): Decision {
  if (actor.isStaff) return null;
  return errors.permissionDenied("You are not a staff user, contact your instance admin.");
}

/** The instance always keeps one active staff user: removing the last one (demotion or deletion) is refused. */
export function mayRemoveStaffUser(otherActiveStaff: number, action: "demote" | "delete"): Decision {
  if (otherActiveStaff > 0) return null;
  return errors.conflict(`Cannot ${action} the last staff user.`, "last_staff_user");
}

/** Signed-in devices are the caller's own business: not even staff list or end another user's sessions. */
export function mayManageSessionsOf(target: { isSelf: boolean }): Decision {
  if (target.isSelf) return null;
  return errors.permissionDenied("You can only see and sign out your own sessions.");
}

/**
 * Push notifications go to whichever device registered: only the owner registers, lists or
 * removes theirs. Not staff either, who could otherwise route someone's notifications to their own device.
 */
export function mayManagePushTokensOf(target: { isSelf: boolean }): Decision {
  if (target.isSelf) return null;
  return errors.permissionDenied("You can only manage your own push notification devices.");
}

/** A user's GitHub links reach their GitHub: only they list, browse, connect or remove them (staff too are refused). */
export function mayManageIntegrationsOf(target: { isSelf: boolean }): Decision {
  if (target.isSelf) return null;
  return errors.permissionDenied("You can only manage your own integrations.");
}

/**
 * A passkey signs in as its owner: only they add, list, rename or remove theirs (staff too are
 * refused), and only from a signed-in browser, so a leaked API key cannot plant a way in.
 */
export function mayManagePasskeysOf(target: { isSelf: boolean }, via: CredentialKind): Decision {
  if (via !== "session") return errors.notAuthenticated("Passkeys are managed from a signed-in browser session; personal API keys cannot do it.");
  if (target.isSelf) return null;
  return errors.permissionDenied("You can only manage your own passkeys.");
}

/** How recent a sign-in a sensitive change needs: the secure-mode window, or the shorter one of an email change. */
export type Sensitivity = "recent" | "fresh";

/**
 * Secure mode: a browser session changes what matters only within its window after signing in
 * (or re-authenticating). Keys are not held to it: a key is revoked, not re-verified.
 */
export function mayMakeSensitiveChange(
  caller: { via: CredentialKind; authenticatedAt: Date | null },
  sensitivity: Sensitivity,
  windows: { recentSeconds: number; freshSeconds: number },
  now: number,
): Decision {
  if (caller.via !== "session") return null;
  const seconds = sensitivity === "fresh" ? Math.min(windows.freshSeconds, windows.recentSeconds) : windows.recentSeconds;
  const endsAt = (caller.authenticatedAt?.getTime() ?? 0) + seconds * 1000;
  return now < endsAt ? null : errors.reauthRequired(new Date(endsAt));
}

/** Profile preferences a stale session may still change (the reference's allow-list, with the hedgehog, notifications and scenes). */
const HARMLESS_PATCH_FIELDS = new Set([
  "theme_mode",
  "set_current_organization",
  "set_current_team",
  "allow_sidebar_suggestions",
  "shortcut_position",
  "has_seen_product_intro_for",
  "events_column_config",
  "role_at_organization",
  "hedgehog_config",
  "notification_settings",
]);

/** A user PATCH: an email change needs a fresh sign-in, any other non-preference field a recent one; preferences alone (or nothing) need none. */
export function userPatchSensitivity(patch: Record<string, unknown>): Sensitivity | null {
  const keys = Object.keys(patch).filter((key) => patch[key] !== undefined);
  if (keys.includes("email")) return "fresh";
  return keys.every((key) => HARMLESS_PATCH_FIELDS.has(key)) ? null : "recent";
}

/** The check-up reads the account's weak spots: its owner's business only. */
export function mayReadSecurityCheckupOf(target: { isSelf: boolean }): Decision {
  if (target.isSelf) return null;
  return errors.permissionDenied("You can only see your own security check-up.");
}

/** The activity log tells where the account was used from: its owner's business only (staff read the audit log). */
export function mayReadActivityOf(target: { isSelf: boolean }): Decision {
  if (target.isSelf) return null;
  return errors.permissionDenied("You can only see your own account activity.");
}

/** Two-factor is the owner's alone: staff neither read nor change another user's through these routes. */
export function mayManageTwoFactorOf(target: { isSelf: boolean }): Decision {
  if (target.isSelf) return null;
  return errors.permissionDenied("You can only manage your own two-factor authentication.");
}

/**
 * An address is changed by its owner only: the change needs their current password, and a staff
 * member moving someone's address elsewhere would take over the account through a reset mail.
 */
export function mayChangeEmailOf(target: { isSelf: boolean }): Decision {
  if (target.isSelf) return null;
  return errors.permissionDenied("You can only change your own email address.");
}

/** What the two-factor rule needs to know about the caller. */
export interface TwoFactorStanding {
  via: CredentialKind;
  twoFactorEnabled: boolean;
  /** The caller's current organization (one they belong to) has `enforce_2fa` on. */
  currentOrganizationEnforces2fa: boolean;
}

/**
 * A browser session whose current organization enforces two-factor, for a user who has not set it
 * up. Personal API keys are not held to it (as in the reference): the rule is about the person at
 * the browser, and a key is revoked, not re-verified.
 */
export function mustSetUpTwoFactor(caller: TwoFactorStanding): boolean {
  return caller.via === "session" && caller.currentOrganizationEnforces2fa && !caller.twoFactorEnabled;
}

/**
 * Until they set up two-factor, such a caller may only use what gets them out of that state: the
 * endpoints (or pages) declared `allowedDuringTwoFactorSetup`, and only on themselves.
 */
export function mayProceedWithoutTwoFactor(
  caller: TwoFactorStanding,
  target: { allowedDuringTwoFactorSetup: boolean; addressesSelf: boolean },
): Decision {
  if (!mustSetUpTwoFactor(caller) || (target.allowedDuringTwoFactorSetup && target.addressesSelf)) return null;
  return errors.twoFactorSetupRequired();
}

/**
 * Email and password change only from a signed-in browser session: a personal API key, whoever
 * minted it, must not be able to take the account over (the reference's identity guard).
 */
export function mayChangeIdentityWith(via: CredentialKind): Decision {
  if (via === "session") return null;
  return errors.permissionDenied("Changing the email address or password needs a signed-in browser session; personal API keys cannot do it.");
}

/**
 * A password is changed by its owner only. The reference lets staff do it through the same PATCH,
 * but that needs the user's current password anyway, and for an account without one it would let
 * a staff cookie plant a password and sign in as the user. Staff help by other means (a reset mail).
 */
export function mayChangePasswordOf(target: { isSelf: boolean }): Decision {
  if (target.isSelf) return null;
  return errors.permissionDenied("You can only change your own password.");
}

/** Throws the refusal, if any. */
export function enforce(decision: Decision): void {
  if (decision) throw decision;
}

/** Only the user confirms their own credential review: not even staff dismiss it for them. */
export function mayCompleteCredentialReviewOf(target: { isSelf: boolean }): Decision {
  if (target.isSelf) return null;
  return errors.permissionDenied("You can only complete your own credential review.");
}

/** The audit log and the admin actions (credential-review requests) are staff's. */
export function mayAdminister(actor: Pick<Actor, "isStaff">): Decision {
  if (actor.isStaff) return null;
  return errors.permissionDenied("Only staff users can do this.");
}

/** What staff do to another account is written to the audit log; what people do to themselves is not. */
export function isAuditedAction(actor: Pick<Actor, "id" | "isStaff">, target: { id: number }): boolean {
  return actor.isStaff && actor.id !== target.id;
}
