import { z } from "zod";
import { jsonValue } from "@/lib/api/json-value";
import { paginationQuery } from "@/lib/api/pagination";
import { emailSchema, firstNameSchema, lastNameSchema, newPasswordSchema } from "./form-schemas";
import { hedgehogConfigSchema } from "./hedgehog-schema";
import { notificationSettingsPatchSchema } from "./notification-settings";
import {
  EMAIL_MAX_LENGTH,
  FREE_FORM_JSON_MAX_BYTES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES_AT_ORGANIZATION,
  SHORTCUT_POSITIONS,
  THEME_MODES,
  TOOLBAR_MODES,
} from "./limits";

export {
  EMAIL_MAX_LENGTH,
  FREE_FORM_JSON_MAX_BYTES,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES_AT_ORGANIZATION,
  SHORTCUT_POSITIONS,
  THEME_MODES,
  TOOLBAR_MODES,
} from "./limits";
export {
  emailSchema,
  firstNameSchema,
  lastNameSchema,
  newPasswordSchema,
  passwordChangeFormSchema,
  profileNamesSchema,
  type PasswordChangeForm,
  type ProfileNames,
} from "./form-schemas";

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
  email: z.string().trim().min(1, "Enter your email address.").max(EMAIL_MAX_LENGTH, `Email addresses are at most ${EMAIL_MAX_LENGTH} characters.`).regex(NO_NUL),
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
  first_name: z.optional(firstNameSchema),
  last_name: z.optional(lastNameSchema),
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
  hedgehog_config: hedgehogConfigSchema.nullable().optional().meta({
    description: "Merged into the stored config as `PATCH …/hedgehog_config/` merges (keys not sent are kept; the result takes the shape sent); `null` clears it.",
  }),
  allow_sidebar_suggestions: z.boolean().nullable().optional(),
  shortcut_position: clearableChoice(SHORTCUT_POSITIONS).optional(),
  role_at_organization: z.enum(ROLES_AT_ORGANIZATION).optional(),
  passkeys_enabled_for_2fa: z.boolean().nullable().optional(),
  hide_mcp_hints: z.boolean().optional(),
  email: z.optional(emailSchema).meta({
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
  email: z.string().trim().max(EMAIL_MAX_LENGTH).transform((email) => email.toLowerCase()).optional().meta({ description: "Exact email address (case-insensitive)." }),
  search: z
    .string()
    .trim()
    .max(EMAIL_MAX_LENGTH)
    .transform((text) => text.toLowerCase())
    .optional()
    .meta({ description: "Users whose email address starts with this text (case-insensitive)." }),
  is_staff: booleanParam.optional().meta({ description: "Only staff (`true`) or only non-staff (`false`) users." }),
  ...paginationQuery,
});
export type UserListQuery = z.output<typeof userListQuerySchema>;
