import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET, PATCH } from "@/app/api/users/[uuid]/route";
import { db } from "@/lib/db/client";
import { NOTIFICATION_DEFAULTS } from "@/lib/users/notification-settings";
import { call, sessionCookie } from "../support/requests";
import { createTestUser, reloadUser } from "../support/users";

async function signedIn() {
  const user = await createTestUser();
  return { user, cookie: await sessionCookie(user) };
}

const patch = (cookie: string, body: unknown, uuid = "@me") => call(PATCH, { method: "PATCH", path: `/api/users/${uuid}`, params: { uuid }, cookie, body });

describe("PATCH /api/users/@me fields", () => {
  it("trims and saves first and last name", async () => {
    const { user, cookie } = await signedIn();
    const response = await patch(cookie, { first_name: "  Ada ", last_name: "\tLovelace  " });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ first_name: "Ada", last_name: "Lovelace" });
    expect(await reloadUser(user.id)).toMatchObject({ firstName: "Ada", lastName: "Lovelace" });
  });

  it.each([
    ["theme_mode", "dark", "themeMode"],
    ["toolbar_mode", "disabled", "toolbarMode"],
    ["shortcut_position", "below", "shortcutPosition"],
  ] as const)("sets %s and clears it with \"\" or null", async (field, value, column) => {
    const { user, cookie } = await signedIn();
    const set = await patch(cookie, { [field]: value });
    expect(set.status).toBe(200);
    expect(set.body[field]).toBe(value);
    expect((await reloadUser(user.id))[column]).toBe(value);

    const cleared = await patch(cookie, { [field]: "" });
    expect(cleared.status).toBe(200);
    expect(cleared.body[field]).toBeNull();
    expect((await reloadUser(user.id))[column]).toBeNull();

    await patch(cookie, { [field]: value });
    const nulled = await patch(cookie, { [field]: null });
    expect(nulled.body[field]).toBeNull();
    expect((await reloadUser(user.id))[column]).toBeNull();
  });

  it("sets role_at_organization", async () => {
    const { user, cookie } = await signedIn();
    const response = await patch(cookie, { role_at_organization: "engineering" });
    expect(response.status).toBe(200);
    expect(response.body.role_at_organization).toBe("engineering");
    expect((await reloadUser(user.id)).roleAtOrganization).toBe("engineering");
  });

  it.each([
    ["anonymize_data", "anonymizeData", true],
    ["allow_impersonation", "allowImpersonation", false],
    ["allow_sidebar_suggestions", "allowSidebarSuggestions", true],
    ["hide_mcp_hints", "hideMcpHints", true],
    ["passkeys_enabled_for_2fa", "passkeysEnabledFor2fa", false],
  ] as const)("sets the boolean %s", async (field, column, value) => {
    const { user, cookie } = await signedIn();
    // Start from the opposite value, so a dropped write cannot pass for a saved one.
    await db().user.update({ where: { id: user.id }, data: { [column]: !value } });
    const response = await patch(cookie, { [field]: value });
    expect(response.status).toBe(200);
    expect(response.body[field]).toBe(value);
    expect((await reloadUser(user.id))[column]).toBe(value);
  });

  it("merges notification_settings, storing only overrides", async () => {
    const { user, cookie } = await signedIn();
    await patch(cookie, { notification_settings: { plugin_disabled: false, project_weekly_digest_disabled: { "11": true } } });
    const response = await patch(cookie, {
      notification_settings: { data_pipeline_error_threshold: 0.25, project_weekly_digest_disabled: { "12": true } },
    });
    expect(response.status).toBe(200);
    expect(response.body.notification_settings).toEqual({
      ...NOTIFICATION_DEFAULTS,
      plugin_disabled: false,
      data_pipeline_error_threshold: 0.25,
      project_weekly_digest_disabled: { "11": true, "12": true },
    });
    expect((await reloadUser(user.id)).notificationSettings).toEqual({
      plugin_disabled: false,
      data_pipeline_error_threshold: 0.25,
      project_weekly_digest_disabled: { "11": true, "12": true },
    });

    const removed = await patch(cookie, { notification_settings: { project_weekly_digest_disabled: { "11": null } } });
    expect(removed.body.notification_settings.project_weekly_digest_disabled).toEqual({ "12": true });
  });

  it("merges a hedgehog_config (v1 and v2) into the stored one and clears it with null", async () => {
    const { user, cookie } = await signedIn();
    const v1 = { enabled: true, skin: "robohog", color: "blue", accessories: ["cap"] };
    expect((await patch(cookie, { hedgehog_config: v1 })).body.hedgehog_config).toEqual(v1);
    const v2 = { version: 2, enabled: true, actor_options: { skin: "ghost", accessories: ["tophat", "parrot"] } };
    const response = await patch(cookie, { hedgehog_config: v2 });
    expect(response.status).toBe(200);
    // The stored flat config is converted to the shape sent; the colour not sent is kept.
    const merged = { version: 2, enabled: true, actor_options: { color: "blue", skin: "ghost", accessories: ["tophat", "parrot"] } };
    expect(response.body.hedgehog_config).toEqual(merged);
    expect((await reloadUser(user.id)).hedgehogConfig).toEqual(merged);

    expect((await patch(cookie, { hedgehog_config: null })).body.hedgehog_config).toBeNull();
    expect((await reloadUser(user.id)).hedgehogConfig).toBeNull();
  });

  it("saves has_seen_product_intro_for and events_column_config (null resets the columns)", async () => {
    const { user, cookie } = await signedIn();
    const response = await patch(cookie, {
      has_seen_product_intro_for: { feature_flags: true, surveys: false },
      events_column_config: { active: ["event", "person", "timestamp"] },
    });
    expect(response.status).toBe(200);
    expect(response.body.has_seen_product_intro_for).toEqual({ feature_flags: true, surveys: false });
    expect(response.body.events_column_config).toEqual({ active: ["event", "person", "timestamp"] });
    expect(await reloadUser(user.id)).toMatchObject({
      hasSeenProductIntroFor: { feature_flags: true, surveys: false },
      eventsColumnConfig: { active: ["event", "person", "timestamp"] },
    });

    const reset = await patch(cookie, { events_column_config: null });
    expect(reset.body.events_column_config).toEqual({ active: "DEFAULT" });
  });

  it("accepts an empty body as a no-op", async () => {
    const { user, cookie } = await signedIn();
    const before = await reloadUser(user.id);
    const response = await call(PATCH, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie });
    expect(response.status).toBe(200);
    expect(response.body.uuid).toBe(user.uuid);
    const after = await reloadUser(user.id);
    expect(after).toEqual({ ...before, updatedAt: after.updatedAt });
  });

  it("ignores read-only and unknown fields", async () => {
    const { user, cookie } = await signedIn();
    // With the hash, which the app's client omits by default, so a written password_hash would show.
    const reloadWithHash = () => db().user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    const before = await reloadWithHash();
    expect(before.passwordHash).toMatch(/^\$argon2id\$/);
    const response = await patch(cookie, {
      first_name: "Changed",
      uuid: randomUUID(),
      id: 999_999,
      date_joined: "2000-01-01T00:00:00.000Z",
      distinct_id: "hijacked",
      pending_email: "attacker@evil.example",
      is_email_verified: false,
      has_password: false,
      is_2fa_enabled: true,
      organization: { id: randomUUID() },
      team: { id: 1 },
      sessionVersion: 42,
      session_version: 42,
      isStaff: true,
      is_active: false,
      password_hash: "x",
      not_a_field: "whatever",
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      first_name: "Changed",
      uuid: user.uuid,
      id: user.id,
      distinct_id: before.distinctId,
      pending_email: null,
      is_email_verified: true,
      has_password: true,
      is_2fa_enabled: false,
      is_staff: false,
    });
    const after = await reloadWithHash();
    expect(after).toEqual({ ...before, firstName: "Changed", updatedAt: after.updatedAt });
  });

  it("is visible to the next GET", async () => {
    const { cookie } = await signedIn();
    await patch(cookie, { first_name: "Persisted", theme_mode: "light" });
    const response = await call(GET, { path: "/api/users/@me", params: { uuid: "@me" }, cookie });
    expect(response.body).toMatchObject({ first_name: "Persisted", theme_mode: "light" });
  });
});
