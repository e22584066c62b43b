/** Everything the activity log records, grouped as the Activity page filters them. */
export const ACTIVITY_CATEGORIES = {
  sign_ins: ["sign_in", "sign_in_failed", "sign_out", "session_revoked"],
  password_and_email: [
    "password_changed",
    "password_reset",
    "email_change_requested",
    "email_change_confirmed",
    "email_change_cancelled",
  ],
  two_factor: ["two_factor_enabled", "two_factor_disabled", "backup_codes_generated", "backup_code_used", "passkey_added", "passkey_removed"],
  api_keys: ["api_key_created", "api_key_rolled", "api_key_revoked", "credentials_reviewed"],
  integrations: ["github_connected", "github_removed"],
  staff: ["staff_action"],
} as const;

export type ActivityCategory = keyof typeof ACTIVITY_CATEGORIES;
export type ActivityKind = (typeof ACTIVITY_CATEGORIES)[ActivityCategory][number];

export const ACTIVITY_KINDS = Object.values(ACTIVITY_CATEGORIES).flat() as ActivityKind[];

export const CATEGORY_LABELS: Record<ActivityCategory, string> = {
  sign_ins: "Sign-ins and devices",
  password_and_email: "Password and email",
  two_factor: "Two-factor and passkeys",
  api_keys: "API keys and reviews",
  integrations: "Integrations",
  staff: "Staff actions",
};

/** Why a sign-in was refused, as a class: never the password or code that was tried. */
export const SIGN_IN_FAILURE_REASONS = ["wrong_password", "wrong_code", "wrong_passkey", "passkey_not_user_verified", "account_inactive"] as const;
export type SignInFailureReason = (typeof SIGN_IN_FAILURE_REASONS)[number];
