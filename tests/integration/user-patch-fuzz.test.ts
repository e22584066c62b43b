import { beforeAll, describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/users/[uuid]/route";
import { call, sessionCookie } from "../support/requests";
import { createTestUser } from "../support/users";

const FIELDS = [
  "first_name", "last_name", "notification_settings", "anonymize_data", "allow_impersonation", "toolbar_mode", "is_staff",
  "set_current_organization", "set_current_team", "events_column_config", "has_seen_product_intro_for", "theme_mode",
  "hedgehog_config", "allow_sidebar_suggestions", "shortcut_position", "role_at_organization", "passkeys_enabled_for_2fa",
  "hide_mcp_hints", "email", "password", "uuid", "id", "unknown_field",
];

const VALUES: unknown[] = [
  null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, "", " ", "x".repeat(2000), "\u0000", "a\u0000b", "😀".repeat(40),
  "00000000-0000-0000-0000-000000000000", "2147483648", "-1", "light", [], [1, "a", null], {}, { a: { b: { c: {} } } },
  { plugin_disabled: "\u0000" }, { "\u0000": true }, { project_weekly_digest_disabled: { "1": "yes" } },
  { version: 2, actor_options: { skin: "\u0000" } }, JSON.parse('{"__proto__": {"isStaff": true}}'),
];

let cookie: string;
beforeAll(async () => {
  cookie = await sessionCookie(await createTestUser());
});

describe("PATCH /api/users/@me under hostile input", () => {
  it("never answers with a server error, whatever a field holds", { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    for (const field of FIELDS) {
      for (const value of VALUES) {
        const response = await call(PATCH, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, body: { [field]: value } });
        if (response.status >= 500) failures.push(`${field}=${JSON.stringify(value)?.slice(0, 40)} → ${response.status}`);
        // Password-change attempts have a per-user budget, which this loop spends.
        else expect(field === "password" ? [200, 400, 403, 429] : [200, 400, 403]).toContain(response.status);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses NUL characters anywhere in a body with a 400 instead of failing in the database", async () => {
    const response = await call(PATCH, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, body: { first_name: "a\u0000b" } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: "validation_error", code: "invalid_input", attr: "first_name" });
    const nested = await call(PATCH, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, body: { events_column_config: { columns: ["ok", "\u0000"] } } });
    expect(nested.body).toMatchObject({ code: "invalid_input", attr: "events_column_config__columns__1" });
  });
});
