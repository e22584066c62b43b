import type { HedgehogConfig } from "./hedgehog-schema";
import type { NotificationSettings } from "./notification-settings";

export interface TeamSummary {
  id: number;
  uuid: string;
  organization: string;
  project_id: number;
  api_token: string;
  name: string;
  is_demo: boolean;
  timezone: string;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  slug: string;
  membership_level: number;
  members_can_use_personal_api_keys: boolean;
  is_active: boolean;
}

export interface OrganizationDetail extends OrganizationSummary {
  created_at: string;
  updated_at: string;
  enforce_2fa: boolean | null;
  member_count: number;
  teams: Array<Pick<TeamSummary, "id" | "uuid" | "name" | "is_demo" | "timezone">>;
}

/** The user representation returned by every /api/users endpoint. Never carries a secret. */
export interface UserDto {
  id: number;
  uuid: string;
  distinct_id: string;
  first_name: string;
  last_name: string;
  email: string;
  pending_email: string | null;
  is_email_verified: boolean | null;
  has_password: boolean;
  is_staff: boolean;
  is_impersonated: boolean | null;
  is_impersonated_until: string | null;
  sensitive_session_expires_at: string | null;
  date_joined: string;
  notification_settings: NotificationSettings;
  anonymize_data: boolean | null;
  allow_impersonation: boolean | null;
  toolbar_mode: "disabled" | "toolbar" | null;
  theme_mode: "light" | "dark" | "system" | null;
  shortcut_position: "above" | "below" | "hidden" | null;
  role_at_organization: string | null;
  allow_sidebar_suggestions: boolean | null;
  passkeys_enabled_for_2fa: boolean | null;
  hide_mcp_hints: boolean;
  hedgehog_config: HedgehogConfig | null;
  events_column_config: unknown;
  has_seen_product_intro_for: Record<string, boolean> | null;
  is_2fa_enabled: boolean;
  has_social_auth: boolean;
  has_sso_enforcement: boolean;
  requires_credential_review: boolean;
  scene_personalisation: Array<{ scene: string; dashboard: number | null }>;
  team: TeamSummary | null;
  organization: OrganizationDetail | null;
  organizations: OrganizationSummary[];
}
