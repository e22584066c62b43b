import { z } from "zod";
import { ERROR_THRESHOLD_RANGE } from "./limits";

export const NOTIFICATION_DEFAULTS = {
  plugin_disabled: true,
  discussions_mentioned: true,
  project_weekly_digest_disabled: {} as Record<string, boolean>,
  all_weekly_digest_disabled: false,
  error_tracking_issue_assigned: true,
  error_tracking_weekly_digest: true,
  data_pipeline_error_threshold: 0.01,
  project_api_key_exposed: true,
  materialized_view_sync_failed: false,
  web_analytics_weekly_digest: true,
  organization_member_join_email_disabled: {} as Record<string, boolean>,
};

export type NotificationSettings = typeof NOTIFICATION_DEFAULTS;
export const NOTIFICATION_MAP_KEYS = ["project_weekly_digest_disabled", "organization_member_join_email_disabled"] as const;
type MapKey = (typeof NOTIFICATION_MAP_KEYS)[number];

/** A `null` entry removes that id from the map (the reference can only ever add entries). */
const idMap = z.record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "Keys must be ids."), z.boolean().nullable()).refine(
  (map) => Object.keys(map).length <= 1000,
  { message: "At most 1000 entries.", params: { code: "max_length" } },
);

export const notificationSettingsPatchSchema = z.strictObject({
  plugin_disabled: z.boolean().optional(),
  discussions_mentioned: z.boolean().optional(),
  project_weekly_digest_disabled: idMap.optional(),
  all_weekly_digest_disabled: z.boolean().optional(),
  error_tracking_issue_assigned: z.boolean().optional(),
  error_tracking_weekly_digest: z.boolean().optional(),
  data_pipeline_error_threshold: z.number().min(ERROR_THRESHOLD_RANGE.min).max(ERROR_THRESHOLD_RANGE.max).optional(),
  project_api_key_exposed: z.boolean().optional(),
  materialized_view_sync_failed: z.boolean().optional(),
  web_analytics_weekly_digest: z.boolean().optional(),
  organization_member_join_email_disabled: idMap.optional(),
});

export type NotificationSettingsPatch = z.infer<typeof notificationSettingsPatchSchema>;
type StoredOverrides = Partial<Omit<NotificationSettings, MapKey>> & Partial<Record<MapKey, Record<string, boolean>>>;

function isMapKey(key: string): key is MapKey {
  return (NOTIFICATION_MAP_KEYS as readonly string[]).includes(key);
}

/** Stored overrides only ever hold keys the user changed, so later default changes still reach them. */
export function mergeNotificationOverrides(stored: unknown, patch: NotificationSettingsPatch): StoredOverrides {
  return applyPatch(readOverrides(stored), patch);
}

function applyPatch(base: StoredOverrides, patch: NotificationSettingsPatch): StoredOverrides {
  const next: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (isMapKey(key)) {
      const map: Record<string, boolean> = { ...((next[key] as Record<string, boolean> | undefined) ?? {}) };
      for (const [id, flag] of Object.entries(value as Record<string, boolean | null>)) {
        if (flag === null) delete map[id];
        else map[id] = flag;
      }
      next[key] = map;
    } else {
      next[key] = value;
    }
  }
  return next as StoredOverrides;
}

function readOverrides(stored: unknown): StoredOverrides {
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return {};
  const parsed = notificationSettingsPatchSchema.safeParse(stored);
  return parsed.success ? applyPatch({}, parsed.data) : {};
}

export function effectiveNotificationSettings(stored: unknown): NotificationSettings {
  const overrides = readOverrides(stored);
  return {
    ...NOTIFICATION_DEFAULTS,
    ...overrides,
    project_weekly_digest_disabled: { ...overrides.project_weekly_digest_disabled },
    organization_member_join_email_disabled: { ...overrides.organization_member_join_email_disabled },
  };
}
