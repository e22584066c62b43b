/**
 * The limits and choices of a user's fields, free of zod so a client component can show them
 * without shipping a validator; the schemas in `form-schemas.ts` and `schemas.ts` enforce them.
 */
export const NAME_MAX_LENGTH = 150;
export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
export const FREE_FORM_JSON_MAX_BYTES = 16 * 1024;

export const THEME_MODES = ["light", "dark", "system"] as const;
export const TOOLBAR_MODES = ["disabled", "toolbar"] as const;
export const SHORTCUT_POSITIONS = ["above", "below", "hidden"] as const;
export const ROLES_AT_ORGANIZATION = [
  "engineering", "data", "product", "founder", "leadership", "marketing", "sales", "other",
] as const;

/** `notification_settings.data_pipeline_error_threshold`: a fraction of failed events. */
export const ERROR_THRESHOLD_RANGE = { min: 0, max: 1 } as const;
