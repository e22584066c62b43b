import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as LIST, POST as REGISTER } from "@/app/api/users/[uuid]/push_tokens/route";
import { DELETE as REMOVE } from "@/app/api/users/[uuid]/push_tokens/[id]/route";
import { POST as UNREGISTER } from "@/app/api/users/[uuid]/push_tokens/unregister/route";
import { db } from "@/lib/db/client";
import { PUSH_TOKENS_PER_USER } from "@/lib/push-tokens/schemas";
import { expectError } from "../support/envelope";
import { bearer, createKeyFor } from "../support/personal-api-keys";
import { call, sessionCookie } from "../support/requests";
import { createTestUser } from "../support/users";

type Caller = { cookie?: string; headers?: Record<string, string>; uuid?: string };

const base = (uuid: string) => `/api/users/${uuid}/push_tokens`;
const register = (body: unknown, { cookie, headers, uuid = "@me" }: Caller = {}) => call(REGISTER, { method: "POST", path: base(uuid), params: { uuid }, cookie, headers, body });
const unregister = (body: unknown, { cookie, headers, uuid = "@me" }: Caller = {}) =>
  call(UNREGISTER, { method: "POST", path: `${base(uuid)}/unregister`, params: { uuid }, cookie, headers, body });
const list = ({ cookie, headers, uuid = "@me" }: Caller = {}) => call(LIST, { path: base(uuid), params: { uuid }, cookie, headers });
const remove = (id: string, { cookie, headers, uuid = "@me" }: Caller = {}) => call(REMOVE, { method: "DELETE", path: `${base(uuid)}/${id}`, params: { uuid, id }, cookie, headers });
const tokensOf = async (userId: number) => (await db().pushToken.findMany({ where: { userId }, orderBy: { lastSeenAt: "asc" } })).map((row) => ({ token: row.token, platform: row.platform }));
const newToken = () => `fcm-${randomBytes(24).toString("hex")}`;

async function signedIn() {
  const user = await createTestUser();
  return { user, cookie: await sessionCookie(user) };
}

describe("registering a push token", () => {
  it("creates the device (201), then refreshes its platform and last-seen time (200); the list masks the token", async () => {
    const { user, cookie } = await signedIn();
    const token = newToken();
    const created = await register({ token, platform: "ios" }, { cookie });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ platform: "ios", token_hint: `…${token.slice(-4)}` });
    expect(JSON.stringify(created.body)).not.toContain(token);

    await db().pushToken.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - 86_400_000) } });
    const refreshed = await register({ token: ` ${token} `, platform: "android" }, { cookie });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ id: created.body.id, platform: "android", created_at: created.body.created_at });
    expect(Date.parse(refreshed.body.last_seen_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(await tokensOf(user.id)).toEqual([{ token, platform: "android" }]);

    const listed = await list({ cookie });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ count: 1, results: [{ id: created.body.id, platform: "android", token_hint: `…${token.slice(-4)}` }] });
    expect(JSON.stringify(listed.body)).not.toContain(token);
  });

  it(`keeps at most ${PUSH_TOKENS_PER_USER} devices, evicting the least recently seen`, async () => {
    const { user, cookie } = await signedIn();
    const now = Date.now();
    const tokens = Array.from({ length: PUSH_TOKENS_PER_USER }, newToken);
    await db().pushToken.createMany({ data: tokens.map((token, index) => ({ userId: user.id, token, platform: "web", lastSeenAt: new Date(now - (index + 1) * 60_000) })) });
    const oldest = tokens[PUSH_TOKENS_PER_USER - 1];
    const fresh = newToken();
    expect((await register({ token: fresh, platform: "ios" }, { cookie })).status).toBe(201);
    const kept = (await tokensOf(user.id)).map((row) => row.token);
    expect(kept).toHaveLength(PUSH_TOKENS_PER_USER);
    expect(kept).toContain(fresh);
    expect(kept).not.toContain(oldest);
  });

  it("concurrent registrations of new devices still leave the limit exact", async () => {
    const { user, cookie } = await signedIn();
    const responses = await Promise.all(Array.from({ length: PUSH_TOKENS_PER_USER + 5 }, () => register({ token: newToken(), platform: "android" }, { cookie })));
    expect(responses.every((response) => response.status === 201)).toBe(true);
    expect(await db().pushToken.count({ where: { userId: user.id } })).toBe(PUSH_TOKENS_PER_USER);
  });

  it("a token another user registered stays theirs: the caller gets a row of their own", async () => {
    const [first, second] = await Promise.all([signedIn(), signedIn()]);
    const token = newToken();
    await register({ token, platform: "ios" }, { cookie: first.cookie });
    expect((await register({ token, platform: "android" }, { cookie: second.cookie })).status).toBe(201);
    expect(await tokensOf(first.user.id)).toEqual([{ token, platform: "ios" }]);
    expect(await tokensOf(second.user.id)).toEqual([{ token, platform: "android" }]);
  });

  it.each([
    [{ platform: "ios" }, "token", "required"],
    [{ token: "   ", platform: "ios" }, "token", "blank"],
    [{ token: "x".repeat(513), platform: "ios" }, "token", "max_length"],
    [{ token: 12345, platform: "ios" }, "token", "invalid_input"],
    [{ token: "abc" }, "platform", "required"],
    [{ token: "abc", platform: "windows" }, "platform", "invalid_choice"],
  ])("%j → 400 naming %s (%s), nothing stored, the token never echoed", async (body, attr, code) => {
    const { user, cookie } = await signedIn();
    const response = await register(body, { cookie });
    expectError(response, 400, { type: "validation_error", code, attr });
    if (typeof (body as { token?: unknown }).token === "string") expect(JSON.stringify(response.body)).not.toContain((body as { token: string }).token.trim() || "\u0000");
    expect(await db().pushToken.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("unregistering a push token", () => {
  it("deletes only the caller's row; 204 whether or not it existed; another user's identical token is untouched", async () => {
    const [owner, other] = await Promise.all([signedIn(), signedIn()]);
    const token = newToken();
    await register({ token, platform: "ios" }, { cookie: owner.cookie });
    await register({ token, platform: "web" }, { cookie: other.cookie });
    expect((await unregister({ token }, { cookie: owner.cookie })).status).toBe(204);
    expect(await tokensOf(owner.user.id)).toEqual([]);
    expect(await tokensOf(other.user.id)).toEqual([{ token, platform: "web" }]);
    expect((await unregister({ token }, { cookie: owner.cookie })).status).toBe(204);
    expect((await unregister({ token: newToken() }, { cookie: owner.cookie })).status).toBe(204);
  });

  it.each([
    [{}, "required"],
    [{ token: "" }, "blank"],
    [{ token: "y".repeat(513) }, "max_length"],
  ])("%j → 400 naming token (%s), without echoing it", async (body, code) => {
    const { cookie } = await signedIn();
    const response = await unregister(body, { cookie });
    expectError(response, 400, { type: "validation_error", code, attr: "token" });
    expect(JSON.stringify(response.body)).not.toContain("yyyyyyyyyy");
  });
});

describe("removing a device from settings", () => {
  it("removes one of the caller's devices by id; another user's id is a 404 and stays", async () => {
    const [owner, other] = await Promise.all([signedIn(), signedIn()]);
    const mine = (await register({ token: newToken(), platform: "ios" }, { cookie: owner.cookie })).body.id;
    const theirs = (await register({ token: newToken(), platform: "ios" }, { cookie: other.cookie })).body.id;
    expectError(await remove(theirs, { cookie: owner.cookie }), 404, { type: "invalid_request", code: "not_found" });
    expect(await db().pushToken.count({ where: { id: theirs } })).toBe(1);
    expect((await remove(mine, { cookie: owner.cookie })).status).toBe(204);
    expect(await db().pushToken.count({ where: { id: mine } })).toBe(0);
    expectError(await remove("not-a-uuid", { cookie: owner.cookie }), 400, { type: "validation_error", code: "invalid_input", attr: "id" });
  });
});

describe("push tokens: who may", () => {
  it("answers anonymous callers with 401", async () => {
    expectError(await list(), 401, { type: "authentication_error", code: "not_authenticated" });
    expectError(await register({ token: newToken(), platform: "ios" }), 401, { type: "authentication_error", code: "not_authenticated" });
    expectError(await unregister({ token: newToken() }), 401, { type: "authentication_error", code: "not_authenticated" });
  });

  it("another user's uuid is a 403 for everyone, staff included, and nothing of theirs changes", async () => {
    const { user, cookie } = await signedIn();
    const token = newToken();
    const device = (await register({ token, platform: "ios" }, { cookie })).body.id;
    const staff = await createTestUser({ staff: true });
    for (const intruder of [await sessionCookie(await createTestUser()), await sessionCookie(staff)]) {
      const as = { cookie: intruder, uuid: user.uuid };
      expectError(await list(as), 403, { type: "authentication_error", code: "permission_denied" });
      expectError(await register({ token: newToken(), platform: "android" }, as), 403, { type: "authentication_error", code: "permission_denied" });
      expectError(await unregister({ token }, as), 403, { type: "authentication_error", code: "permission_denied" });
      expectError(await remove(device, as), 403, { type: "authentication_error", code: "permission_denied" });
    }
    expect(await tokensOf(user.id)).toEqual([{ token, platform: "ios" }]);
  });

  it("a user:read key may list but not register or unregister; a user:write key may (a mobile client)", async () => {
    const { user, cookie } = await signedIn();
    const token = newToken();
    await register({ token, platform: "ios" }, { cookie });
    const readKey = bearer((await createKeyFor(user, ["user:read"], { cookie })).value);
    expect((await list({ headers: readKey })).body.count).toBe(1);
    expectError(await register({ token: newToken(), platform: "ios" }, { headers: readKey }), 403, { type: "authentication_error", code: "permission_denied" });
    expectError(await unregister({ token }, { headers: readKey }), 403, { type: "authentication_error", code: "permission_denied" });
    expect(await tokensOf(user.id)).toEqual([{ token, platform: "ios" }]);
    const writeKey = bearer((await createKeyFor(user, ["user:write"], { cookie })).value);
    expect((await unregister({ token }, { headers: writeKey })).status).toBe(204);
    expect((await register({ token, platform: "android" }, { headers: writeKey })).status).toBe(201);
  });
});
