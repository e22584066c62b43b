import { describe, expect, it } from "vitest";
import {
  effectiveNotificationSettings,
  mergeNotificationOverrides,
  NOTIFICATION_DEFAULTS,
  notificationSettingsPatchSchema,
} from "@/lib/users/notification-settings";

const parse = (value: unknown) => notificationSettingsPatchSchema.safeParse(value);

describe("notification settings merge", () => {
  it("stores only the keys the user changed", () => {
    expect(mergeNotificationOverrides(null, { plugin_disabled: false })).toEqual({ plugin_disabled: false });
  });

  it("keeps earlier overrides when patching another key", () => {
    const stored = { plugin_disabled: false };
    expect(mergeNotificationOverrides(stored, { data_pipeline_error_threshold: 0.5 })).toEqual({
      plugin_disabled: false,
      data_pipeline_error_threshold: 0.5,
    });
  });

  it("merges map entries instead of replacing the map", () => {
    const stored = { project_weekly_digest_disabled: { "1": true } };
    expect(mergeNotificationOverrides(stored, { project_weekly_digest_disabled: { "2": true } })).toEqual({
      project_weekly_digest_disabled: { "1": true, "2": true },
    });
  });

  it("removes a map entry given null", () => {
    const stored = { organization_member_join_email_disabled: { a: true, b: false } };
    expect(mergeNotificationOverrides(stored, { organization_member_join_email_disabled: { a: null } })).toEqual({
      organization_member_join_email_disabled: { b: false },
    });
  });

  it("fills defaults around the stored overrides when read", () => {
    const effective = effectiveNotificationSettings({ plugin_disabled: false, project_weekly_digest_disabled: { "7": true } });
    expect(effective).toEqual({ ...NOTIFICATION_DEFAULTS, plugin_disabled: false, project_weekly_digest_disabled: { "7": true } });
    expect(effectiveNotificationSettings(null)).toEqual(NOTIFICATION_DEFAULTS);
  });
});

describe("notificationSettingsPatchSchema", () => {
  it("rejects an unknown key", () => {
    const result = parse({ not_a_setting: true });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.code).toBe("unrecognized_keys");
  });

  it.each([0, 0.01, 1])("accepts threshold %s", (value) => {
    expect(parse({ data_pipeline_error_threshold: value }).success).toBe(true);
  });

  it.each([-0.01, 1.01, "0.5", true, false, null])("rejects threshold %j", (value) => {
    const result = parse({ data_pipeline_error_threshold: value });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(["data_pipeline_error_threshold"]);
  });

  it.each([1, "true", null])("rejects a non-boolean flag %j", (value) => {
    expect(parse({ plugin_disabled: value }).success).toBe(false);
  });

  it("rejects map keys that are not ids", () => {
    expect(parse({ project_weekly_digest_disabled: { "../x": true } }).success).toBe(false);
    expect(parse({ project_weekly_digest_disabled: { "abc-123": true } }).success).toBe(true);
  });
});
