import { describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/users/[uuid]/route";
import { maxBodyBytes } from "@/lib/api/request-body";
import { expectError, issuesOf } from "../support/envelope";
import { call, sessionCookie, type CallOptions } from "../support/requests";
import { createTestUser, reloadUser } from "../support/users";

/** Sends one refused PATCH and proves the row was not touched. */
async function refusedPatch(request: Omit<CallOptions, "path" | "params" | "cookie">) {
  const user = await createTestUser();
  const cookie = await sessionCookie(user);
  const before = await reloadUser(user.id);
  const response = await call(PATCH, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, ...request });
  expect(await reloadUser(user.id)).toEqual(before);
  return response;
}

const validation = (code: string, attr: string | null) => ({ type: "validation_error", code, attr });

describe("PATCH /api/users/@me validation (nothing is written)", () => {
  it("refuses an email change without the current password, and writes none of the patch", async () => {
    const response = await refusedPatch({ body: { first_name: "Changed", email: "new-value-123@example.com" } });
    expectError(response, 400, validation("required", "current_password"));
  });

  it("lists every bad field in issues[]", async () => {
    const response = await refusedPatch({
      body: {
        first_name: 5,
        last_name: null,
        theme_mode: "purple",
        notification_settings: { nope: true },
        hedgehog_config: { skin: "dragonhog" },
        anonymize_data: "yes",
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.type).toBe("validation_error");
    expect(issuesOf(response)).toEqual(
      expect.arrayContaining([
        { attr: "first_name", code: "invalid_input" },
        { attr: "last_name", code: "null" },
        { attr: "theme_mode", code: "invalid_choice" },
        { attr: "notification_settings__nope", code: "invalid_input" },
        { attr: "hedgehog_config__skin", code: "invalid_choice" },
        { attr: "anonymize_data", code: "invalid_input" },
      ]),
    );
    expect(issuesOf(response)).toHaveLength(6);
    expect({ attr: response.body.attr, code: response.body.code }).toEqual(issuesOf(response)[0]);
  });

  it.each([
    ["theme_mode", "purple"],
    ["toolbar_mode", "floating"],
    ["shortcut_position", "sideways"],
    ["role_at_organization", "ceo"],
    ["theme_mode", 3],
  ])("refuses %s=%j with 400 invalid_choice", async (field, value) => {
    expectError(await refusedPatch({ body: { [field]: value } }), 400, validation("invalid_choice", field));
  });

  it.each([
    [{ notification_settings: { data_pipeline_error_threshold: 2 } }, "notification_settings__data_pipeline_error_threshold", "max_value"],
    [{ notification_settings: { data_pipeline_error_threshold: true } }, "notification_settings__data_pipeline_error_threshold", "invalid_input"],
    [{ notification_settings: { project_weekly_digest_disabled: { "1": "yes" } } }, "notification_settings__project_weekly_digest_disabled__1", "invalid_input"],
    [{ hedgehog_config: { accessories: ["cap", "cap"] } }, "hedgehog_config__accessories", "duplicate"],
    [{ hedgehog_config: { version: 2, actor_options: { skin: "x" } } }, "hedgehog_config__actor_options__skin", "invalid_choice"],
    [{ has_seen_product_intro_for: { feature_flags: "yes" } }, "has_seen_product_intro_for__feature_flags", "invalid_input"],
    [{ events_column_config: { active: "x".repeat(17 * 1024) } }, "events_column_config", "max_length"],
    [{ set_current_team: "abc" }, "set_current_team", "invalid_input"],
    [{ set_current_organization: "not-a-uuid" }, "set_current_organization", "invalid_input"],
    [{ hide_mcp_hints: null }, "hide_mcp_hints", "null"],
  ])("refuses %j naming %s", async (body, attr, code) => {
    expectError(await refusedPatch({ body }), 400, validation(code, attr));
  });

  it.each(["", "   "])("refuses first_name=%j with 400 blank, the rule sign-up applies", async (firstName) => {
    expectError(await refusedPatch({ body: { first_name: firstName, last_name: "Changed" } }), 400, validation("blank", "first_name"));
  });

  it("refuses a 10 kB first_name with 400 max_length (it is under the body cap)", async () => {
    const body = { first_name: "x".repeat(10 * 1024) };
    expect(JSON.stringify(body).length).toBeLessThan(maxBodyBytes());
    expectError(await refusedPatch({ body }), 400, validation("max_length", "first_name"));
  });

  it("refuses passkeys_enabled_for_2fa: true with 400 no_passkeys", async () => {
    const response = await refusedPatch({ body: { passkeys_enabled_for_2fa: true, first_name: "Changed" } });
    expectError(response, 400, validation("no_passkeys", "passkeys_enabled_for_2fa"));
  });

  it.each([
    ["an array", "[]", "invalid_input"],
    ["a string", '"hello"', "invalid_input"],
    ["a number", "42", "invalid_input"],
    ["null", "null", "null"],
  ])("refuses %s as the body with 400 attr null", async (_label, rawBody, code) => {
    const response = await refusedPatch({ rawBody, headers: { "content-type": "application/json" } });
    expectError(response, 400, validation(code, null));
  });

  it("refuses malformed JSON with 400 parse_error", async () => {
    const response = await refusedPatch({ rawBody: '{"first_name": "Changed"', headers: { "content-type": "application/json" } });
    expectError(response, 400, { type: "invalid_request", code: "parse_error", attr: null });
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])(
    "refuses Content-Type %s with 415",
    async (contentType) => {
      const response = await refusedPatch({ rawBody: '{"first_name":"Changed"}', headers: { "content-type": contentType } });
      expectError(response, 415, { type: "invalid_request", code: "unsupported_media_type", attr: null });
    },
  );

  it("refuses a body over API_MAX_BODY_BYTES with 413", async () => {
    const body = { first_name: "x".repeat(maxBodyBytes()) };
    expectError(await refusedPatch({ body }), 413, { type: "invalid_request", code: "payload_too_large", attr: null });
  });
});

describe("PATCH /api/users/@me with JSON the database cannot store (nothing is written)", () => {
  it.each([
    ["a lone surrogate in events_column_config", '{"events_column_config":{"a":"\\udfff"}}', "events_column_config__a"],
    ["a lone surrogate key in has_seen_product_intro_for", '{"has_seen_product_intro_for":{"\\ud800":true}}', "has_seen_product_intro_for"],
    ["a lone surrogate as hedgehog_config.actor_options.id", '{"hedgehog_config":{"version":2,"actor_options":{"id":"\\ud800"}}}', "hedgehog_config__actor_options__id"],
    ["a lone surrogate in first_name", '{"first_name":"Ada\\ud800"}', "first_name"],
  ])("refuses %s with 400 naming the field", async (_label, rawBody, attr) => {
    const response = await refusedPatch({ rawBody, headers: { "content-type": "application/json" } });
    expectError(response, 400, validation("invalid_input", attr));
  });

  it.each([
    ["5,000 nested arrays", `{"events_column_config":${"[".repeat(5000)}${"]".repeat(5000)}}`],
    ["3,000 nested objects", `{"events_column_config":${'{"a":'.repeat(3000)}1${"}".repeat(3000)}}`],
  ])("refuses events_column_config nested %s deep with 400 parse_error", async (_label, rawBody) => {
    const response = await refusedPatch({ rawBody, headers: { "content-type": "application/json" } });
    expectError(response, 400, { type: "invalid_request", code: "parse_error", attr: null });
  });
});
