import { describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/users/[uuid]/route";
import { db } from "@/lib/db/client";
import { NOTIFICATION_DEFAULTS } from "@/lib/users/notification-settings";
import { expectError } from "../support/envelope";
import { call, sessionCookie } from "../support/requests";
import { createTestUser, reloadUser } from "../support/users";

/** The fields the Preferences page writes, each PATCHed alone as the page sends them. */
async function signedIn() {
  const user = await createTestUser();
  return { user, cookie: await sessionCookie(user) };
}

const patchMe = (cookie: string, body: unknown) => call(PATCH, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, body });

/** Sends one refused PATCH and proves the row was not touched. */
async function refused(body: unknown) {
  const { user, cookie } = await signedIn();
  const before = await reloadUser(user.id);
  const response = await patchMe(cookie, body);
  expect(await reloadUser(user.id)).toEqual(before);
  return response;
}

const validation = (code: string, attr: string) => ({ type: "validation_error", code, attr });

describe("PATCH /api/users/@me: the Preferences page's fields refuse the wrong type or choice, naming the field", () => {
  it.each([
    ["theme_mode", "Dark"],
    ["toolbar_mode", true],
    ["toolbar_mode", 5],
    ["shortcut_position", "Above"],
    ["shortcut_position", 1],
    ["role_at_organization", "Engineering"],
    // The reference refuses a blank role (only theme, toolbar and shortcut position clear with "").
    ["role_at_organization", ""],
  ])("%s=%j → 400 invalid_choice", async (field, value) => {
    expectError(await refused({ [field]: value }), 400, validation("invalid_choice", field));
  });

  it("role_at_organization=null → 400 naming the field (a role can be changed, not removed)", async () => {
    const response = await refused({ role_at_organization: null });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: "validation_error", code: "null", attr: "role_at_organization" });
  });

  it.each([
    ["anonymize_data", "true"],
    ["allow_impersonation", 1],
    ["allow_sidebar_suggestions", "true"],
    ["hide_mcp_hints", "false"],
  ])("%s=%j → 400 invalid_input: booleans are JSON booleans, not DRF's lenient strings", async (field, value) => {
    expectError(await refused({ [field]: value }), 400, validation("invalid_input", field));
  });

  it.each([
    [null, "notification_settings", "null"],
    [[], "notification_settings", "invalid_input"],
    ["off", "notification_settings", "invalid_input"],
    [{ all_weekly_digest_disabled: "yes" }, "notification_settings__all_weekly_digest_disabled", "invalid_input"],
    [{ discussions_mentioned: 0 }, "notification_settings__discussions_mentioned", "invalid_input"],
    [{ plugin_disabled: null }, "notification_settings__plugin_disabled", "null"],
    [{ data_pipeline_error_threshold: -0.01 }, "notification_settings__data_pipeline_error_threshold", "min_value"],
    [{ data_pipeline_error_threshold: "0.5" }, "notification_settings__data_pipeline_error_threshold", "invalid_input"],
    [{ data_pipeline_error_threshold: null }, "notification_settings__data_pipeline_error_threshold", "null"],
    [{ project_weekly_digest_disabled: true }, "notification_settings__project_weekly_digest_disabled", "invalid_input"],
    [{ project_weekly_digest_disabled: [] }, "notification_settings__project_weekly_digest_disabled", "invalid_input"],
    [{ project_weekly_digest_disabled: { "1 2": true } }, "notification_settings__project_weekly_digest_disabled__1 2", "invalid_input"],
    [{ organization_member_join_email_disabled: { org: 1 } }, "notification_settings__organization_member_join_email_disabled__org", "invalid_input"],
  ])("notification_settings=%j → 400 %s %s", async (settings, attr, code) => {
    expectError(await refused({ notification_settings: settings }), 400, validation(code, attr));
  });
});

describe("PATCH /api/users/@me: what the Preferences page sends is accepted as sent", () => {
  it.each([
    ["anonymize_data", "anonymizeData"],
    ["allow_impersonation", "allowImpersonation"],
    ["allow_sidebar_suggestions", "allowSidebarSuggestions"],
  ] as const)("%s=null clears the choice (null is allowed, as in the reference)", async (field, column) => {
    const { user, cookie } = await signedIn();
    await db().user.update({ where: { id: user.id }, data: { [column]: true } });
    const response = await patchMe(cookie, { [field]: null });
    expect(response.status).toBe(200);
    expect(response.body[field]).toBeNull();
    expect((await reloadUser(user.id))[column]).toBeNull();
  });

  it.each([0, 1, 0.025])("data_pipeline_error_threshold=%j, a bound or a fraction, is stored as sent", async (threshold) => {
    const { user, cookie } = await signedIn();
    const response = await patchMe(cookie, { notification_settings: { data_pipeline_error_threshold: threshold } });
    expect(response.status).toBe(200);
    expect(response.body.notification_settings.data_pipeline_error_threshold).toBe(threshold);
    expect((await reloadUser(user.id)).notificationSettings).toEqual({ data_pipeline_error_threshold: threshold });
  });

  it("one switch's key changes that key alone: the other stored overrides and the map entries stay", async () => {
    const { user, cookie } = await signedIn();
    const stored = { discussions_mentioned: false, project_weekly_digest_disabled: { "7": true }, organization_member_join_email_disabled: { "org-1": true } };
    await db().user.update({ where: { id: user.id }, data: { notificationSettings: stored } });
    const response = await patchMe(cookie, { notification_settings: { all_weekly_digest_disabled: true } });
    expect(response.status).toBe(200);
    expect(response.body.notification_settings).toEqual({ ...NOTIFICATION_DEFAULTS, ...stored, all_weekly_digest_disabled: true });
    expect((await reloadUser(user.id)).notificationSettings).toEqual({ ...stored, all_weekly_digest_disabled: true });

    const project = await patchMe(cookie, { notification_settings: { project_weekly_digest_disabled: { "8": false } } });
    expect(project.body.notification_settings.project_weekly_digest_disabled).toEqual({ "7": true, "8": false });
  });

  it("an empty notification_settings object writes nothing", async () => {
    const { user, cookie } = await signedIn();
    await db().user.update({ where: { id: user.id }, data: { notificationSettings: { plugin_disabled: false } } });
    const response = await patchMe(cookie, { notification_settings: {} });
    expect(response.status).toBe(200);
    expect((await reloadUser(user.id)).notificationSettings).toEqual({ plugin_disabled: false });
  });
});
