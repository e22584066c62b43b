import { describe, expect, it } from "vitest";
import { GET, PATCH } from "@/app/api/users/[uuid]/hedgehog_config/route";
import { PATCH as PATCH_USER } from "@/app/api/users/[uuid]/route";
import { HEDGEHOG_ACCESSORIES } from "@/lib/users/hedgehog-schema";
import { expectError } from "../support/envelope";
import { bearer, createKeyFor } from "../support/personal-api-keys";
import { call, sessionCookie } from "../support/requests";
import { createTestUser, reloadUser } from "../support/users";

type Caller = { cookie?: string; headers?: Record<string, string>; uuid?: string };

const read = ({ cookie, headers, uuid = "@me" }: Caller = {}) =>
  call(GET, { path: `/api/users/${uuid}/hedgehog_config`, params: { uuid }, cookie, headers });
const write = (body: unknown, { cookie, headers, uuid = "@me" }: Caller = {}) =>
  call(PATCH, { method: "PATCH", path: `/api/users/${uuid}/hedgehog_config`, params: { uuid }, cookie, headers, body });
const writeRaw = (rawBody: string, cookie: string) =>
  call(PATCH, { method: "PATCH", path: "/api/users/@me/hedgehog_config", params: { uuid: "@me" }, cookie, rawBody, headers: { "content-type": "application/json" } });

async function signedIn() {
  const user = await createTestUser();
  return { user, cookie: await sessionCookie(user) };
}

describe("GET /api/users/:uuid/hedgehog_config", () => {
  it("answers {} when nothing is stored, then the stored config", async () => {
    const { cookie } = await signedIn();
    const empty = await read({ cookie });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({});
    await write({ skin: "ghost" }, { cookie });
    expect((await read({ cookie })).body).toEqual({ skin: "ghost" });
  });

  it("answers an anonymous caller with 401", async () => {
    expectError(await read(), 401, { type: "authentication_error", code: "not_authenticated" });
  });

  it("answers another user's uuid with 403; staff may read it", async () => {
    const [owner, other, staff] = await Promise.all([createTestUser(), createTestUser(), createTestUser({ staff: true })]);
    expectError(await read({ cookie: await sessionCookie(other), uuid: owner.uuid }), 403, { type: "authentication_error", code: "permission_denied" });
    expect((await read({ cookie: await sessionCookie(staff), uuid: owner.uuid })).status).toBe(200);
  });

  it("serves a personal API key with user:read", async () => {
    const { user } = await signedIn();
    const key = await createKeyFor(user, ["user:read"]);
    expect((await read({ headers: bearer(key.value) })).body).toEqual({});
  });
});

describe("PATCH /api/users/:uuid/hedgehog_config", () => {
  it("merges: keys not sent are kept, in either shape", async () => {
    const { user, cookie } = await signedIn();
    await write({ skin: "robohog", color: "blue" }, { cookie });
    const flat = await write({ accessories: ["cap"] }, { cookie });
    expect(flat.status).toBe(200);
    expect(flat.body).toEqual({ skin: "robohog", color: "blue", accessories: ["cap"] });

    const v2 = await write({ version: 2, actor_options: { accessories: ["tophat", "parrot"] } }, { cookie });
    expect(v2.body).toEqual({ version: 2, actor_options: { skin: "robohog", color: "blue", accessories: ["tophat", "parrot"] } });
    const flags = await write({ use_as_profile: true }, { cookie });
    expect(flags.body).toEqual({ version: 2, use_as_profile: true, actor_options: { skin: "robohog", color: "blue", accessories: ["tophat", "parrot"] } });
    expect((await reloadUser(user.id)).hedgehogConfig).toEqual(flags.body);
  });

  it("takes back the whole object a client read (both shapes) unchanged", async () => {
    const { cookie } = await signedIn();
    const v2 = { version: 2, enabled: true, use_as_profile: true, party_mode_enabled: false, actor_options: { id: "player", player: true, color: null, skin: "ghost", accessories: ["beret"], ai_enabled: true, interactions_enabled: true, controls_enabled: false } };
    await write(v2, { cookie });
    const readBack = (await read({ cookie })).body;
    expect((await write(readBack, { cookie })).body).toEqual(v2);

    const flat = { enabled: true, use_as_profile: false, color: "green", skin: "default", accessories: ["cap"], walking_enabled: true, interactions_enabled: false, controls_enabled: false, party_mode_enabled: true, fixed_direction: "left" };
    expect((await write(flat, { cookie })).body).toEqual(flat);
    expect((await write((await read({ cookie })).body, { cookie })).body).toEqual(flat);
  });

  it.each([
    ["an unknown key", { wings: true }, "wings", "invalid_input"],
    ["an unknown actor option", { version: 2, actor_options: { speed: 3 } }, "actor_options__speed", "invalid_input"],
    ["a wrong type", { enabled: "yes" }, "enabled", "invalid_input"],
    ["an unknown skin", { skin: "dragonhog" }, "skin", "invalid_choice"],
    ["an unknown colour", { version: 2, actor_options: { color: "gold" } }, "actor_options__color", "invalid_choice"],
    ["an unknown accessory", { accessories: ["crown"] }, "accessories__0", "invalid_choice"],
    ["repeated accessories", { accessories: ["cap", "cap"] }, "accessories", "duplicate"],
    ["too many accessories", { accessories: [...HEDGEHOG_ACCESSORIES, "cap"] }, "accessories", "max_length"],
    ["a bad fixed_direction", { fixed_direction: "up" }, "fixed_direction", "invalid_choice"],
  ])("refuses %s with 400 naming the key, and stores nothing", async (_label, body, attr, code) => {
    const { user, cookie } = await signedIn();
    await write({ skin: "ghost" }, { cookie });
    const before = await reloadUser(user.id);
    expectError(await write(body, { cookie }), 400, { type: "validation_error", code, attr });
    expect(await reloadUser(user.id)).toEqual(before);
  });

  it.each([
    ["an array", "[1,2]", "invalid_input"],
    ["a string", '"hog"', "invalid_input"],
    ["a number", "7", "invalid_input"],
    ["null", "null", "null"],
  ])("refuses %s as the body", async (_label, raw, code) => {
    const { user, cookie } = await signedIn();
    expectError(await writeRaw(raw, cookie), 400, { type: "validation_error", code });
    expect((await reloadUser(user.id)).hedgehogConfig).toBeNull();
  });

  it("refuses another user's uuid with 403 and the row is unchanged; staff may write it", async () => {
    const [owner, other, staff] = await Promise.all([createTestUser(), createTestUser(), createTestUser({ staff: true })]);
    const before = await reloadUser(owner.id);
    expectError(await write({ skin: "ghost" }, { cookie: await sessionCookie(other), uuid: owner.uuid }), 403, { type: "authentication_error", code: "permission_denied" });
    expect(await reloadUser(owner.id)).toEqual(before);
    expect((await write({ skin: "ghost" }, { cookie: await sessionCookie(staff), uuid: owner.uuid })).status).toBe(200);
    expect((await reloadUser(owner.id)).hedgehogConfig).toEqual({ skin: "ghost" });
  });

  it("refuses a user:read key with 403 and writes nothing; a user:write key may write", async () => {
    const { user } = await signedIn();
    const readKey = await createKeyFor(user, ["user:read"]);
    expectError(await write({ skin: "ghost" }, { headers: bearer(readKey.value) }), 403, { type: "authentication_error", code: "permission_denied" });
    expect((await reloadUser(user.id)).hedgehogConfig).toBeNull();
    const writeKey = await createKeyFor(user, ["user:write"]);
    expect((await write({ skin: "ghost" }, { headers: bearer(writeKey.value) })).status).toBe(200);
  });

  it("answers an anonymous caller with 401", async () => {
    expectError(await write({ skin: "ghost" }), 401, { type: "authentication_error", code: "not_authenticated" });
  });
});

describe("the user PATCH's hedgehog_config", () => {
  const patchUser = (cookie: string, body: unknown) => call(PATCH_USER, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, body });

  it("follows the same rules: merged, validated with the key named", async () => {
    const { user, cookie } = await signedIn();
    await write({ skin: "robohog" }, { cookie });
    expect((await patchUser(cookie, { hedgehog_config: { color: "red" } })).body.hedgehog_config).toEqual({ skin: "robohog", color: "red" });
    const before = await reloadUser(user.id);
    expectError(await patchUser(cookie, { hedgehog_config: { wings: true }, first_name: "Changed" }), 400, { type: "validation_error", code: "invalid_input", attr: "hedgehog_config__wings" });
    expect(await reloadUser(user.id)).toEqual(before);
  });
});
