import { z } from "zod";
import { jsonValue } from "@/lib/api/json-value";
import { paginationQuery } from "@/lib/api/pagination";
import { hedgehogConfigSchema } from "./hedgehog-schema";
import { notificationSettingsPatchSchema } from "./notification-settings";

export const NAME_MAX_LENGTH = 150;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
export const FREE_FORM_JSON_MAX_BYTES = 16 * 1024;

export const THEME_MODES = ["light", "dark", "system"] as const;
export const TOOLBAR_MODES = ["disabled", "toolbar"] as const;
export const SHORTCUT_POSITIONS = ["above", "below", "hidden"] as const;
export const ROLES_AT_ORGANIZATION = [
  "engineering", "data", "product", "founder", "leadership", "marketing", "sales", "other",
] as const;

const name = (label: string) =>
  z.string().trim().max(NAME_MAX_LENGTH, `${label} must be at most ${NAME_MAX_LENGTH} characters.`);

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "Email addresses are at most 254 characters.")
  .pipe(z.email("Enter a valid email address."))
  .transform((email) => email.toLowerCase());

/**
 * Length only (NIST/ASVS); the server also refuses common passwords. The messages say what is
 * wrong; the sign-up form's help text states the rule, so an empty field doesn't repeat it.
 */
export const newPasswordSchema = z
  .string()
  .min(1, { message: "Enter a password.", abort: true })
  .min(PASSWORD_MIN_LENGTH, `This password is shorter than ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

/** The Security page's password form; the server applies the same rules (and the block-list) to `password`. */
export const passwordChangeFormSchema = z.object({
  current_password: z.string().max(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`),
  password: newPasswordSchema,
});
export type PasswordChangeForm = z.infer<typeof passwordChangeFormSchema>;

/**
 * The one first-name rule, for sign-up, the Profile form, PATCH and `create-user`: trimmed and
 * never blank (the reference stores a blank one; an account then has no name to greet).
 */
export const firstNameSchema = name("First name").min(1, "Enter your first name.");

/** Names as the Profile form edits them. */
export const profileNamesSchema = z.object({
  first_name: firstNameSchema,
  last_name: name("Last name"),
});
export type ProfileNames = z.infer<typeof profileNamesSchema>;

export const signupSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  first_name: firstNameSchema,
});
export type SignupInput = z.infer<typeof signupSchema>;

export const signupResultSchema = z.object({ uuid: z.uuid(), email: z.string(), first_name: z.string() }).meta({ id: "SignupResult" });
export type SignupResult = z.infer<typeof signupResultSchema>;

const NO_NUL = /^[^\u0000]*$/;

export const signinSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(254, "Email addresses are at most 254 characters.").regex(NO_NUL),
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`),
});
export type SigninInput = z.infer<typeof signinSchema>;

/** "" and null both clear an optional choice, as in the reference. */
const clearableChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .enum([...values, ""] as unknown as readonly [T[number] | "", ...Array<T[number] | "">])
    .nullable()
    .transform((value) => (value === "" ? null : (value as T[number] | null)));

const boundedJson = jsonValue().refine((value) => JSON.stringify(value).length <= FREE_FORM_JSON_MAX_BYTES, {
  message: `Must be at most ${FREE_FORM_JSON_MAX_BYTES} bytes of JSON.`,
  params: { code: "max_length" },
});

const teamId = z.union([
  z.number().int().positive(),
  z.string().regex(/^\d{1,10}$/, "Must be a team id.").transform(Number),
]);

/**
 * PATCH /api/users/:uuid. Unknown and read-only keys are stripped (ignored); `email` has its own
 * flow and is refused here rather than silently dropped; `password` is checked by the service.
 */
export const userPatchSchema = z.object({
  ...profileNamesSchema.partial().shape,
  notification_settings: notificationSettingsPatchSchema.optional(),
  anonymize_data: z.boolean().nullable().optional(),
  allow_impersonation: z.boolean().nullable().optional(),
  toolbar_mode: clearableChoice(TOOLBAR_MODES).optional(),
  is_staff: z.boolean().optional(),
  set_current_organization: z.uuid("Must be an organization id.").optional(),
  set_current_team: teamId.optional(),
  events_column_config: boundedJson.optional(),
  has_seen_product_intro_for: z
    .record(z.string().max(100), z.boolean())
    .refine((value) => Object.keys(value).length <= 100, { message: "At most 100 entries.", params: { code: "max_length" } })
    .nullable()
    .optional(),
  theme_mode: clearableChoice(THEME_MODES).optional(),
  hedgehog_config: hedgehogConfigSchema.nullable().optional(),
  allow_sidebar_suggestions: z.boolean().nullable().optional(),
  shortcut_position: clearableChoice(SHORTCUT_POSITIONS).optional(),
  role_at_organization: z.enum(ROLES_AT_ORGANIZATION).optional(),
  passkeys_enabled_for_2fa: z.boolean().nullable().optional(),
  hide_mcp_hints: z.boolean().optional(),
  email: emailSchema.optional().meta({
    description:
      "A new address (one, trimmed, compared case-insensitively), with `current_password`. Staged as `pending_email` and mailed a link until verified (`verify_email`); `email` itself is unchanged. A case-only change applies at once. Session only.",
  }),
  password: z.string().optional().meta({
    description: `A new password (${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, not a common one), with \`current_password\`. Session only, on yourself; every other session ends and a notice is mailed. Attempts are limited per user.`,
  }),
  current_password: z
    .string()
    .max(PASSWORD_MAX_LENGTH)
    .optional()
    .meta({ description: "The current password: required with a new `email` (checked before whether the address is free) and with a new `password` unless the account has none (`has_password: false`)." }),
});
export type UserPatch = z.infer<typeof userPatchSchema>;

const booleanParam = z.enum(["true", "True", "1", "false", "False", "0"]).transform((value) => ["true", "True", "1"].includes(value));

export const userListQuerySchema = z.object({
  email: z.string().trim().max(254).transform((email) => email.toLowerCase()).optional().meta({ description: "Exact email address (case-insensitive)." }),
  is_staff: booleanParam.optional().meta({ description: "Only staff (`true`) or only non-staff (`false`) users." }),
  ...paginationQuery,
});
export type UserListQuery = z.output<typeof userListQuerySchema>;
