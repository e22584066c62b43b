import { describe, expect, it } from "vitest";
import { DELETE, GET, POST } from "@/app/api/users/[uuid]/signal_autonomy/route";
import { db } from "@/lib/db/client";
import { expectError } from "../support/envelope";
import { bearer, createKeyFor } from "../support/personal-api-keys";
import { call, sessionCookie } from "../support/requests";
import { createTestUser } from "../support/users";

type Caller = { cookie?: string; headers?: Record<string, string>; uuid?: string };

const path = (uuid: string) => `/api/users/${uuid}/signal_autonomy`;
const read = ({ cookie, headers, uuid = "@me" }: Caller = {}) => call(GET, { path: path(uuid), params: { uuid }, cookie, headers });
const save = (body: unknown, { cookie, headers, uuid = "@me" }: Caller = {}) => call(POST, { method: "POST", path: path(uuid), params: { uuid }, cookie, headers, body });
const optOut = ({ cookie, headers, uuid = "@me" }: Caller = {}) => call(DELETE, { method: "DELETE", path: path(uuid), params: { uuid }, cookie, headers });
const stored = (userId: number) => db().signalAutonomyConfig.findUnique({ where: { userId } });

async function signedIn() {
  const user = await createTestUser();
  return { user, cookie: await sessionCookie(user) };
}

describe("signal autonomy: the singleton's lifecycle", () => {
  it("404 before opting in; POST {} creates a row of nulls (201); POST again writes only the keys sent (200); DELETE opts out (204) and GET is 404 again", async () => {
    const { user, cookie } = await signedIn();
    expectError(await read({ cookie }), 404, { type: "invalid_request", code: "not_found" });

    const created = await save({}, { cookie });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      user: { id: user.id, uuid: user.uuid, email: user.email },
      autostart_priority: null,
      slack_notification_channel: null,
      slack_notification_min_priority: null,
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);

    const first = await save({ autostart_priority: "P1", slack_notification_channel: " #alerts " }, { cookie });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: created.body.id, autostart_priority: "P1", slack_notification_channel: "#alerts", slack_notification_min_priority: null });

    const second = await save({ slack_notification_min_priority: "P3" }, { cookie });
    expect(second.body).toMatchObject({ autostart_priority: "P1", slack_notification_channel: "#alerts", slack_notification_min_priority: "P3" });
    expect((await read({ cookie })).body).toEqual(second.body);

    const cleared = await save({ autostart_priority: null, slack_notification_channel: "" }, { cookie });
    expect(cleared.body).toMatchObject({ autostart_priority: null, slack_notification_channel: null, slack_notification_min_priority: "P3" });

    expect((await optOut({ cookie })).status).toBe(204);
    expect(await stored(user.id)).toBeNull();
    expectError(await read({ cookie }), 404, { type: "invalid_request", code: "not_found" });
    expect((await optOut({ cookie })).status).toBe(204);
  });

  it("parallel first POSTs create exactly one row, and every key sent is kept", async () => {
    const { user, cookie } = await signedIn();
    const responses = await Promise.all([
      save({ autostart_priority: "P0" }, { cookie }),
      save({ slack_notification_channel: "C0123ABCD" }, { cookie }),
      save({ slack_notification_min_priority: "P2" }, { cookie }),
      save({}, { cookie }),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 201]);
    expect(await db().signalAutonomyConfig.count({ where: { userId: user.id } })).toBe(1);
    expect(await stored(user.id)).toMatchObject({ autostartPriority: "P0", slackNotificationChannel: "C0123ABCD", slackNotificationMinPriority: "P2" });
  });
});

describe("signal autonomy: validation", () => {
  it.each([
    [{ autostart_priority: "P5" }, "autostart_priority", "invalid_choice"],
    [{ autostart_priority: "p1" }, "autostart_priority", "invalid_choice"],
    [{ autostart_priority: 1 }, "autostart_priority", "invalid_choice"],
    [{ slack_notification_min_priority: "high" }, "slack_notification_min_priority", "invalid_choice"],
    [{ slack_notification_channel: "general" }, "slack_notification_channel", "invalid"],
    [{ slack_notification_channel: "#General Chat" }, "slack_notification_channel", "invalid"],
    [{ slack_notification_channel: `#${"a".repeat(300)}` }, "slack_notification_channel", "max_length"],
    [{ slack_notification_channel: 42 }, "slack_notification_channel", "invalid_input"],
  ])("%j → 400 naming %s, and nothing is written", async (body, attr, code) => {
    const { user, cookie } = await signedIn();
    await save({ autostart_priority: "P2", slack_notification_channel: "#before" }, { cookie });
    expectError(await save(body, { cookie }), 400, { type: "validation_error", code, attr });
    expect(await stored(user.id)).toMatchObject({ autostartPriority: "P2", slackNotificationChannel: "#before" });
  });

  it("accepts a channel id, #name and the reference's id|#name", async () => {
    const { cookie } = await signedIn();
    for (const channel of ["C0123ABCD", "#eng-alerts_2", "C0123ABCD|#eng-alerts"]) {
      expect((await save({ slack_notification_channel: channel }, { cookie })).body.slack_notification_channel).toBe(channel);
    }
  });
});

describe("signal autonomy: who may", () => {
  it("answers anonymous callers with 401", async () => {
    expectError(await read(), 401, { type: "authentication_error", code: "not_authenticated" });
    expectError(await save({}), 401, { type: "authentication_error", code: "not_authenticated" });
    expectError(await optOut(), 401, { type: "authentication_error", code: "not_authenticated" });
  });

  it("refuses another user's uuid with 403 for non-staff, and their row does not change", async () => {
    const [owner, other] = await Promise.all([signedIn(), signedIn()]);
    await save({ autostart_priority: "P1" }, { cookie: owner.cookie });
    const as = { cookie: other.cookie, uuid: owner.user.uuid };
    expectError(await read(as), 403, { type: "authentication_error", code: "permission_denied" });
    expectError(await save({ autostart_priority: "P4" }, as), 403, { type: "authentication_error", code: "permission_denied" });
    expectError(await optOut(as), 403, { type: "authentication_error", code: "permission_denied" });
    expect(await stored(owner.user.id)).toMatchObject({ autostartPriority: "P1" });
  });

  it("a numeric or unknown id is a 404 for staff and a 403 for others, never a 500", async () => {
    const staff = await createTestUser({ staff: true });
    const { cookie } = await signedIn();
    const staffCookie = await sessionCookie(staff);
    for (const uuid of [String(staff.id + 1), "not-an-id", "00000000-0000-4000-8000-000000000000"]) {
      expectError(await read({ cookie: staffCookie, uuid }), 404, { type: "invalid_request", code: "not_found" });
      expectError(await read({ cookie, uuid }), 403, { type: "authentication_error", code: "permission_denied" });
    }
  });

  it("staff may read and change another user's settings; the change is audited", async () => {
    const staff = await createTestUser({ staff: true });
    const { user, cookie } = await signedIn();
    await save({ autostart_priority: "P1" }, { cookie });
    const staffCookie = await sessionCookie(staff);
    expect((await read({ cookie: staffCookie, uuid: user.uuid })).body.autostart_priority).toBe("P1");
    expect((await save({ autostart_priority: "P3" }, { cookie: staffCookie, uuid: user.uuid })).status).toBe(200);
    expect((await optOut({ cookie: staffCookie, uuid: user.uuid })).status).toBe(204);
    const entries = await db().auditLogEntry.findMany({ where: { targetUuid: user.uuid, action: "user.signal_autonomy_changed" }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => entry.changes)).toEqual([
      { autostart_priority: { before: "P1", after: "P3" } },
      { opted_in: { before: true, after: false }, autostart_priority: { before: "P3", after: null } },
    ]);
    expect(entries[0]).toMatchObject({ actorUuid: staff.uuid, targetEmail: user.email });
  });

  it("a user:read key may read but not write; a user:write key may do both", async () => {
    const { user, cookie } = await signedIn();
    await save({ autostart_priority: "P1" }, { cookie });
    const readKey = await createKeyFor(user, ["user:read"], { cookie });
    expect((await read({ headers: bearer(readKey.value) })).body.autostart_priority).toBe("P1");
    expectError(await save({ autostart_priority: "P4" }, { headers: bearer(readKey.value) }), 403, { type: "authentication_error", code: "permission_denied" });
    expectError(await optOut({ headers: bearer(readKey.value) }), 403, { type: "authentication_error", code: "permission_denied" });
    expect(await stored(user.id)).toMatchObject({ autostartPriority: "P1" });
    const writeKey = await createKeyFor(user, ["user:write"], { cookie });
    expect((await save({ autostart_priority: "P4" }, { headers: bearer(writeKey.value) })).body.autostart_priority).toBe("P4");
    expect((await read({ headers: bearer(writeKey.value) })).status).toBe(200);
  });
});
