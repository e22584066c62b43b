import type { ActivityParams } from "./activity-page";

/** The only place query keys are built; invalidate by the broader keys (`all`, `lists`). */
export interface UserListParams {
  limit: number;
  offset: number;
  email?: string;
  /** Email prefix. */
  search?: string;
  is_staff?: boolean;
}

export interface AuditLogParams {
  limit: number;
  offset: number;
  action?: string;
  actor?: string;
  target?: string;
}

export const queryKeys = {
  users: {
    all: () => ["users"] as const,
    me: () => ["users", "me"] as const,
    hedgehogConfig: () => ["users", "me", "hedgehog-config"] as const,
    lists: () => ["users", "list"] as const,
    list: (params: UserListParams) => ["users", "list", params] as const,
    staffCount: () => ["users", "list", "staff-count"] as const,
  },
  auditLog: {
    all: () => ["audit-log"] as const,
    list: (params: AuditLogParams) => ["audit-log", "list", params] as const,
  },
  sessions: {
    all: () => ["sessions"] as const,
    mine: () => ["sessions", "me"] as const,
  },
  apiKeys: {
    all: () => ["personal-api-keys"] as const,
    list: () => ["personal-api-keys", "list"] as const,
  },
  twoFactor: {
    all: () => ["two-factor"] as const,
    status: () => ["two-factor", "status"] as const,
  },
  signalAutonomy: {
    mine: () => ["signal-autonomy", "me"] as const,
  },
  securityCheckup: {
    mine: () => ["security-checkup", "me"] as const,
  },
  activity: {
    all: () => ["activity"] as const,
    list: (params: ActivityParams) => ["activity", "list", params] as const,
  },
  integrations: {
    all: () => ["integrations"] as const,
    mine: () => ["integrations", "me"] as const,
    repositories: (installationId: string, search: string, offset: number) => ["integrations", "repositories", installationId, { search, offset }] as const,
    branches: (installationId: string, repo: string, search: string) => ["integrations", "branches", installationId, { repo, search }] as const,
  },
  passkeys: {
    all: () => ["passkeys"] as const,
    mine: () => ["passkeys", "me"] as const,
  },
  pushDevices: {
    all: () => ["push-devices"] as const,
    mine: () => ["push-devices", "me"] as const,
  },
};
