import { z } from "zod";
import { jsonValue } from "@/lib/api/json-value";
import { pageSchema } from "@/lib/api/pagination";
import { hedgehogConfigSchema } from "./hedgehog-schema";
import { NOTIFICATION_DEFAULTS } from "./notification-settings";
import { ROLES_AT_ORGANIZATION, SHORTCUT_POSITIONS, THEME_MODES, TOOLBAR_MODES } from "./schemas";

/** Response shapes of the user endpoints; the TypeScript types, the OpenAPI document and the tests' checks all come from these. */
const isoDateTime = z.iso.datetime({ offset: true });

const idMap = z.record(z.string(), z.boolean());

export const notificationSettingsSchema = z
  .object({
    plugin_disabled: z.boolean(),
    discussions_mentioned: z.boolean(),
    project_weekly_digest_disabled: idMap,
    all_weekly_digest_disabled: z.boolean(),
    error_tracking_issue_assigned: z.boolean(),
    error_tracking_weekly_digest: z.boolean(),
    data_pipeline_error_threshold: z.number(),
    project_api_key_exposed: z.boolean(),
    materialized_view_sync_failed: z.boolean(),
    web_analytics_weekly_digest: z.boolean(),
    organization_member_join_email_disabled: idMap,
  })
  .meta({ id: "NotificationSettings" }) satisfies z.ZodType<typeof NOTIFICATION_DEFAULTS>;

export const teamSummarySchema = z
  .object({
    id: z.number().int(),
    uuid: z.uuid(),
    organization: z.uuid(),
    project_id: z.number().int(),
    api_token: z.string(),
    name: z.string(),
    is_demo: z.boolean(),
    timezone: z.string(),
  })
  .meta({ id: "TeamSummary" });

export const organizationSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    membership_level: z.number().int(),
    members_can_use_personal_api_keys: z.boolean(),
    is_active: z.boolean(),
  })
  .meta({ id: "OrganizationSummary" });

export const organizationDetailSchema = organizationSummarySchema
  .extend({
    created_at: isoDateTime,
    updated_at: isoDateTime,
    enforce_2fa: z.boolean().nullable(),
    member_count: z.number().int(),
    teams: z.array(teamSummarySchema.pick({ id: true, uuid: true, name: true, is_demo: true, timezone: true })),
  })
  .meta({ id: "OrganizationDetail" });

const nullableChoice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable();

export const userSchema = z
  .object({
    id: z.number().int(),
    uuid: z.uuid(),
    distinct_id: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    email: z.string(),
    pending_email: z.string().nullable(),
    is_email_verified: z.boolean().nullable(),
    has_password: z.boolean(),
    is_staff: z.boolean(),
    is_impersonated: z.boolean().nullable(),
    is_impersonated_until: isoDateTime.nullable(),
    sensitive_session_expires_at: isoDateTime.nullable().meta({
      description: "When this browser session's recent-sign-in window for sensitive actions closes; null for API keys and for other users' rows.",
    }),
    date_joined: isoDateTime,
    last_login: isoDateTime.nullable().meta({ description: "The last successful sign-in, or null." }),
    notification_settings: notificationSettingsSchema,
    anonymize_data: z.boolean().nullable(),
    allow_impersonation: z.boolean().nullable(),
    toolbar_mode: nullableChoice(TOOLBAR_MODES),
    theme_mode: nullableChoice(THEME_MODES),
    shortcut_position: nullableChoice(SHORTCUT_POSITIONS),
    role_at_organization: nullableChoice(ROLES_AT_ORGANIZATION),
    allow_sidebar_suggestions: z.boolean().nullable(),
    passkeys_enabled_for_2fa: z.boolean().nullable(),
    hide_mcp_hints: z.boolean(),
    hedgehog_config: hedgehogConfigSchema.nullable(),
    events_column_config: jsonValue(),
    has_seen_product_intro_for: z.record(z.string(), z.boolean()).nullable(),
    is_2fa_enabled: z.boolean(),
    has_social_auth: z.boolean(),
    has_sso_enforcement: z.boolean(),
    requires_credential_review: z.boolean(),
    scene_personalisation: z.array(z.object({ scene: z.string(), dashboard: z.number().int().nullable() })),
    team: teamSummarySchema.nullable(),
    organization: organizationDetailSchema.nullable(),
    organizations: z.array(organizationSummarySchema),
  })
  .meta({ id: "User" });

export type TeamSummary = z.infer<typeof teamSummarySchema>;
export type OrganizationSummary = z.infer<typeof organizationSummarySchema>;
export type OrganizationDetail = z.infer<typeof organizationDetailSchema>;
/** The user representation returned by every /api/users endpoint. Never carries a secret. */
export type UserDto = z.infer<typeof userSchema>;

export const userPageSchema = pageSchema(userSchema).meta({ id: "PaginatedUserList" });
export type UserPage = z.infer<typeof userPageSchema>;
