import { randomUUID } from "node:crypto";
import type { Principal } from "@/lib/auth/principal";
import type { Scope } from "@/lib/auth/scopes";

let nextId = 1_000_000;

/** A principal built in memory, for wrapper tests that inject the caller instead of signing in. */
export function fakePrincipal(
  options: { staff?: boolean; via?: Principal["method"]; scopes?: readonly Scope[] | "*"; twoFactorEnabled?: boolean; organizationEnforces2fa?: boolean } = {},
): Principal {
  const id = nextId++;
  const via = options.via ?? "session";
  const now = new Date();
  return {
    user: {
      id,
      uuid: randomUUID(),
      email: `fake-${id}@test.local`,
      pendingEmail: null,
      isEmailVerified: true,
      firstName: "Fake",
      lastName: "",
      distinctId: `fake-${id}`,
      isStaff: options.staff ?? false,
      isActive: true,
      dateJoined: now,
      lastLogin: null,
      currentOrganizationId: null,
      currentTeamId: null,
      themeMode: null,
      toolbarMode: "toolbar",
      shortcutPosition: null,
      roleAtOrganization: null,
      anonymizeData: false,
      allowImpersonation: null,
      allowSidebarSuggestions: null,
      passkeysEnabledFor2fa: false,
      hideMcpHints: false,
      hedgehogConfig: null,
      eventsColumnConfig: { active: "DEFAULT" },
      hasSeenProductIntroFor: null,
      notificationSettings: null,
      credentialsReviewedAt: null,
      weakPasswordSeenAt: null,
      requiresCredentialReview: false,
      createdAt: now,
      updatedAt: now,
    },
    hasPassword: true,
    twoFactorEnabled: options.twoFactorEnabled ?? false,
    method: via,
    scopes: via === "session" ? "*" : (options.scopes ?? "*"),
    apiKeyId: via === "personal_api_key" ? randomUUID() : null,
    session: via === "session" ? { id: randomUUID(), authenticatedAt: now, device: "Test runner", ip: null } : null,
    currentOrganizationEnforces2fa: options.organizationEnforces2fa ?? false,
  };
}
