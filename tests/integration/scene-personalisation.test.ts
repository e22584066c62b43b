import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/users/[uuid]/scene_personalisation/route";
import { GET as GET_USER, PATCH as PATCH_USER } from "@/app/api/users/[uuid]/route";
import { db } from "@/lib/db/client";
import { expectError } from "../support/envelope";
import { bearer, createKeyFor } from "../support/personal-api-keys";
import { call, sessionCookie } from "../support/requests";
import { addOrganization, createTestUser, reloadUser } from "../support/users";

type Caller = { cookie?: string; headers?: Record<string, string>; uuid?: string };

const post = (body: unknown, { cookie, headers, uuid = "@me" }: Caller = {}) =>
  call(POST, { method: "POST", path: `/api/users/${uuid}/scene_personalisation`, params: { uuid }, cookie, headers, body });
const me = (cookie: string) => call(GET_USER, { path: "/api/users/@me", params: { uuid: "@me" }, cookie });

const rowsOf = (userId: number) =>
  db().scenePersonalisation.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { teamId: true, scene: true, dashboardId: true } });

async function withDashboards(names = ["Overview", "Retention"]) {
  const user = await createTestUser();
  const { currentTeamId } = await reloadUser(user.id);
  const teamId = currentTeamId!;
  const dashboards = await Promise.all(names.map((name) => db().dashboard.create({ data: { teamId, name } })));
  return { user, teamId, dashboards, cookie: await sessionCookie(user) };
}

describe("POST /api/users/:uuid/scene_personalisation", () => {
  it("sets a scene's dashboard for the current team and returns the user listing it", async () => {
    const { user, teamId, dashboards, cookie } = await withDashboards();
    const response = await post({ scene: "Dashboards", dashboard: dashboards[0]!.id }, { cookie });
    expect(response.status).toBe(200);
    expect(response.body.uuid).toBe(user.uuid);
    expect(response.body.scene_personalisation).toEqual([{ scene: "Dashboards", dashboard: dashboards[0]!.id }]);
    expect(await rowsOf(user.id)).toEqual([{ teamId, scene: "Dashboards", dashboardId: dashboards[0]!.id }]);
    expect((await me(cookie)).body.scene_personalisation).toEqual([{ scene: "Dashboards", dashboard: dashboards[0]!.id }]);
  });

  it("re-posting a scene replaces its dashboard; another scene adds one; a numeric string is an id", async () => {
    const { user, dashboards, cookie } = await withDashboards();
    await post({ scene: "Dashboards", dashboard: dashboards[0]!.id }, { cookie });
    await post({ scene: "Dashboards", dashboard: String(dashboards[1]!.id) }, { cookie });
    const response = await post({ scene: "WebAnalytics", dashboard: dashboards[0]!.id, team: 999, user: 1 }, { cookie });
    expect(response.body.scene_personalisation).toEqual([
      { scene: "Dashboards", dashboard: dashboards[1]!.id },
      { scene: "WebAnalytics", dashboard: dashboards[0]!.id },
    ]);
    expect(await rowsOf(user.id)).toHaveLength(2);
  });

  it("leaves one row for one scene under concurrent posts", async () => {
    const { user, dashboards, cookie } = await withDashboards();
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post({ scene: "Dashboards", dashboard: dashboards[i % 2]!.id }, { cookie })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(200));
    expect(await rowsOf(user.id)).toHaveLength(1);
  });

  it("lists choices of every team, and keeps them per team", async () => {
    const { user, dashboards, cookie } = await withDashboards();
    await post({ scene: "Dashboards", dashboard: dashboards[0]!.id }, { cookie });
    const extra = await addOrganization(user.id);
    const team = extra.teams[0]!;
    const other = await db().dashboard.create({ data: { teamId: team.id, name: "Elsewhere" } });
    await call(PATCH_USER, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, body: { set_current_team: team.id } });
    const response = await post({ scene: "Dashboards", dashboard: other.id }, { cookie });
    expect(response.body.scene_personalisation).toEqual([
      { scene: "Dashboards", dashboard: dashboards[0]!.id },
      { scene: "Dashboards", dashboard: other.id },
    ]);
  });

  it.each([
    ["no dashboard", { scene: "Dashboards" }, "dashboard", "required"],
    ["no scene", { dashboard: 1 }, "scene", "required"],
    ["a blank scene", { scene: "  ", dashboard: 1 }, "scene", "blank"],
    ["a scene over 200 characters", { scene: "s".repeat(201), dashboard: 1 }, "scene", "max_length"],
    ["a non-numeric dashboard (the reference's 500)", { scene: "Dashboards", dashboard: "abc" }, "dashboard", "invalid_input"],
    ["a fractional dashboard", { scene: "Dashboards", dashboard: 1.5 }, "dashboard", "invalid_input"],
    ["a dashboard that does not exist", { scene: "Dashboards", dashboard: 2_000_000_000 }, "dashboard", "does_not_exist"],
  ])("refuses %s with 400 naming the field, and writes nothing", async (_label, body, attr, code) => {
    const { user, cookie } = await withDashboards();
    expectError(await post(body, { cookie }), 400, { type: "validation_error", code, attr });
    expect(await rowsOf(user.id)).toEqual([]);
  });

  it("refuses a deleted dashboard and another team's dashboard", async () => {
    const { user, dashboards, cookie } = await withDashboards();
    await db().dashboard.update({ where: { id: dashboards[0]!.id }, data: { deleted: true } });
    expectError(await post({ scene: "Dashboards", dashboard: dashboards[0]!.id }, { cookie }), 400, { type: "validation_error", code: "does_not_exist", attr: "dashboard" });
    const stranger = await withDashboards(["Theirs"]);
    expectError(await post({ scene: "Dashboards", dashboard: stranger.dashboards[0]!.id }, { cookie }), 400, { type: "validation_error", code: "invalid_input", attr: "dashboard" });
    expect(await rowsOf(user.id)).toEqual([]);
  });

  it("refuses every dashboard for a user without a current team", async () => {
    const { user, dashboards, cookie } = await withDashboards();
    await db().user.update({ where: { id: user.id }, data: { currentTeamId: null } });
    expectError(await post({ scene: "Dashboards", dashboard: dashboards[0]!.id }, { cookie }), 400, { type: "validation_error", code: "invalid_input", attr: "dashboard" });
    expect(await rowsOf(user.id)).toEqual([]);
  });

  it("answers 401 anonymously, 403 for another user's uuid (nothing written), and lets staff act", async () => {
    const owner = await withDashboards();
    expectError(await post({ scene: "Dashboards", dashboard: owner.dashboards[0]!.id }), 401, { type: "authentication_error", code: "not_authenticated" });
    const other = await createTestUser();
    const body = { scene: "Dashboards", dashboard: owner.dashboards[0]!.id };
    expectError(await post(body, { cookie: await sessionCookie(other), uuid: owner.user.uuid }), 403, { type: "authentication_error", code: "permission_denied" });
    expect(await rowsOf(owner.user.id)).toEqual([]);
    const staff = await createTestUser({ staff: true });
    const response = await post(body, { cookie: await sessionCookie(staff), uuid: owner.user.uuid });
    expect(response.status).toBe(200);
    expect(await rowsOf(owner.user.id)).toHaveLength(1);
  });

  it("refuses a personal API key, even with user:write, and writes nothing", async () => {
    const { user, dashboards } = await withDashboards();
    const key = await createKeyFor(user, ["user:write"]);
    const response = await post({ scene: "Dashboards", dashboard: dashboards[0]!.id }, { headers: bearer(key.value) });
    // Session only, as the reference's keys cannot reach it: the key is not a way in here.
    expectError(response, 401, { type: "authentication_error", code: "not_authenticated", attr: null });
    expect(await rowsOf(user.id)).toEqual([]);
  });

  it("goes when its dashboard is deleted for good", async () => {
    const { user, dashboards, cookie } = await withDashboards();
    await post({ scene: "Dashboards", dashboard: dashboards[0]!.id }, { cookie });
    await db().dashboard.delete({ where: { id: dashboards[0]!.id } });
    expect((await me(cookie)).body.scene_personalisation).toEqual([]);
    expect(await rowsOf(user.id)).toEqual([]);
  });
});
