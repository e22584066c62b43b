import type { ActivityEntryDto } from "./schemas";

type Details = ActivityEntryDto["details"];

const text = (details: Details, key: string): string => {
  const value = details[key];
  return typeof value === "string" ? value : "";
};
const count = (details: Details, key: string): number => (typeof details[key] === "number" ? (details[key] as number) : 0);
const quoted = (value: string) => (value ? ` “${value}”` : "");

const SIGN_IN_METHODS: Record<string, string> = {
  password: "with a password",
  totp: "with a password and an authenticator code",
  backup_code: "with a password and a backup code",
  passkey: "with a passkey",
  password_passkey: "with a password and a passkey",
};

const FAILURES: Record<string, string> = {
  wrong_password: "wrong password",
  wrong_code: "wrong two-factor code",
  wrong_passkey: "the passkey was not accepted",
  passkey_not_user_verified: "the passkey did not verify you (PIN or biometrics), which two-factor needs",
  account_inactive: "the account is deactivated",
};

const STAFF_ACTIONS: Record<string, string> = {
  "user.staff_changed": "changed your staff access",
  "user.updated": "changed your account",
  "user.credential_review_requested": "asked you to review your credentials",
  "user.credential_review_requested_all": "asked everyone to review their credentials",
  "user.signal_autonomy_changed": "changed your signal autonomy settings",
};

/** What happened, as one sentence without where from. */
function what(entry: ActivityEntryDto): string {
  const { details } = entry;
  switch (entry.kind) {
    case "sign_in":
      return `Signed in ${SIGN_IN_METHODS[text(details, "method")] ?? ""}`.trim();
    case "sign_in_failed":
      return `Sign-in refused: ${FAILURES[text(details, "reason")] ?? "not allowed"}`;
    case "sign_out":
      return "Signed out";
    case "session_revoked":
      return count(details, "sessions") > 1 ? `Signed out ${count(details, "sessions")} other devices` : `Signed out ${text(details, "device") || "a device"}`;
    case "password_changed":
      return "Password changed";
    case "password_reset":
      return "Password reset with a forgot-password link";
    case "email_change_requested":
      return `Asked to change the email address to ${text(details, "email")}`;
    case "email_change_confirmed":
      return `Email address changed from ${text(details, "from")} to ${text(details, "to")}`;
    case "email_change_cancelled":
      return `Cancelled the change of email address to ${text(details, "email")}`;
    case "two_factor_enabled":
      return "Two-factor authentication turned on";
    case "two_factor_disabled":
      return "Two-factor authentication turned off";
    case "backup_codes_generated":
      return "New backup codes generated";
    case "backup_code_used":
      return "A backup code was used";
    case "passkey_added":
      return `Passkey${quoted(text(details, "name"))} added`;
    case "passkey_removed":
      return `Passkey${quoted(text(details, "name"))} removed`;
    case "api_key_created":
      return `Personal API key${quoted(text(details, "label"))} created`;
    case "api_key_rolled":
      return `Personal API key${quoted(text(details, "label"))} rolled`;
    case "api_key_revoked":
      return `Personal API key${quoted(text(details, "label"))} deleted`;
    case "credentials_reviewed":
      return "Credentials reviewed";
    case "github_connected":
      return `GitHub connected (${text(details, "account")})`;
    case "github_removed":
      return `GitHub disconnected (${text(details, "account")})`;
    case "staff_action": {
      const fields = Array.isArray(details.fields) && details.fields.length ? ` (${details.fields.join(", ")})` : "";
      return `Staff member ${text(details, "staff")} ${STAFF_ACTIONS[text(details, "action")] ?? "changed your account"}${entry.details.action === "user.updated" ? fields : ""}`;
    }
  }
}

/** "Two-factor authentication turned on from Chrome on macOS". */
export function describeActivity(entry: ActivityEntryDto): string {
  return entry.device ? `${what(entry)} from ${entry.device}` : what(entry);
}

/** Refused sign-ins and staff actions stand out in the list. */
export function activityTone(entry: ActivityEntryDto): "warning" | "neutral" {
  return entry.kind === "sign_in_failed" || entry.kind === "staff_action" || entry.kind === "backup_code_used" ? "warning" : "neutral";
}
