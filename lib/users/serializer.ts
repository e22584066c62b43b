import "server-only";
import type { AuthUser } from "@/lib/auth/principal";
import type { HedgehogConfig } from "./hedgehog-schema";
import type { Membership, SceneChoice } from "./memberships";
import { effectiveNotificationSettings } from "./notification-settings";
import type { OrganizationDetail, OrganizationSummary, TeamSummary, UserDto } from "./user-schema";

/** Fields that describe the request's own session; other users' rows get null. */
export interface SessionFacts {
  sensitiveSessionExpiresAt: Date | null;
}

function organizationSummary(membership: Membership): OrganizationSummary {
  const { organization } = membership;
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    membership_level: membership.level,
    members_can_use_personal_api_keys: organization.membersCanUsePersonalApiKeys,
    is_active: organization.isActive,
  };
}

function organizationDetail(membership: Membership): OrganizationDetail {
  const { organization } = membership;
  return {
    ...organizationSummary(membership),
    created_at: organization.createdAt.toISOString(),
    updated_at: organization.updatedAt.toISOString(),
    enforce_2fa: organization.enforce2fa,
    member_count: membership.memberCount,
    teams: organization.teams.map((team) => ({
      id: team.id,
      uuid: team.uuid,
      name: team.name,
      is_demo: team.isDemo,
      timezone: team.timezone,
    })),
  };
}

function currentTeam(user: SerializedUser, memberships: Membership[]): TeamSummary | null {
  if (user.currentTeamId === null) return null;
  for (const membership of memberships) {
    const team = membership.organization.teams.find((candidate) => candidate.id === user.currentTeamId);
    if (team) {
      return {
        id: team.id,
        uuid: team.uuid,
        organization: team.organizationId,
        project_id: team.id,
        api_token: team.apiToken,
        name: team.name,
        is_demo: team.isDemo,
        timezone: team.timezone,
      };
    }
  }
  return null;
}

/** The user columns the representation shows: all the user list reads of each row. */
export const SERIALIZED_USER_COLUMNS = [
  "id", "uuid", "distinctId", "firstName", "lastName", "email", "pendingEmail", "isEmailVerified", "isStaff",
  "dateJoined", "lastLogin", "notificationSettings", "anonymizeData", "allowImpersonation", "toolbarMode", "themeMode",
  "shortcutPosition", "roleAtOrganization", "allowSidebarSuggestions", "passkeysEnabledFor2fa", "hideMcpHints",
  "hedgehogConfig", "eventsColumnConfig", "hasSeenProductIntroFor", "requiresCredentialReview",
  "currentOrganizationId", "currentTeamId",
] as const satisfies ReadonlyArray<keyof AuthUser>;
export type SerializedUser = Pick<AuthUser, (typeof SERIALIZED_USER_COLUMNS)[number]>;

export interface UserContext {
  user: SerializedUser;
  hasPassword: boolean;
  twoFactorEnabled: boolean;
  memberships: Membership[];
  scenes: SceneChoice[];
  /** Only for the caller's own row. */
  session: SessionFacts | null;
}

export function serializeUser({ user, hasPassword, twoFactorEnabled, memberships, scenes, session }: UserContext): UserDto {
  const currentMembership = memberships.find((membership) => membership.organizationId === user.currentOrganizationId);
  return {
    id: user.id,
    uuid: user.uuid,
    distinct_id: user.distinctId,
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email,
    pending_email: user.pendingEmail,
    is_email_verified: user.isEmailVerified,
    has_password: hasPassword,
    is_staff: user.isStaff,
    is_impersonated: session ? false : null,
    is_impersonated_until: null,
    sensitive_session_expires_at: session?.sensitiveSessionExpiresAt?.toISOString() ?? null,
    date_joined: user.dateJoined.toISOString(),
    last_login: user.lastLogin?.toISOString() ?? null,
    notification_settings: effectiveNotificationSettings(user.notificationSettings),
    anonymize_data: user.anonymizeData,
    allow_impersonation: user.allowImpersonation,
    toolbar_mode: user.toolbarMode,
    theme_mode: user.themeMode,
    shortcut_position: user.shortcutPosition,
    role_at_organization: user.roleAtOrganization,
    allow_sidebar_suggestions: user.allowSidebarSuggestions,
    passkeys_enabled_for_2fa: user.passkeysEnabledFor2fa,
    hide_mcp_hints: user.hideMcpHints,
    hedgehog_config: (user.hedgehogConfig as HedgehogConfig | null) ?? null,
    events_column_config: user.eventsColumnConfig,
    has_seen_product_intro_for: (user.hasSeenProductIntroFor as Record<string, boolean> | null) ?? null,
    is_2fa_enabled: twoFactorEnabled,
    has_social_auth: false,
    has_sso_enforcement: false,
    requires_credential_review: user.requiresCredentialReview,
    scene_personalisation: scenes,
    team: currentTeam(user, memberships),
    organization: currentMembership ? organizationDetail(currentMembership) : null,
    organizations: memberships.map(organizationSummary),
  };
}
