import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as LIST } from "@/app/api/users/route";
import { GET, PATCH } from "@/app/api/users/[uuid]/route";
import { db } from "@/lib/db/client";
import { bearer, createKeyFor } from "../support/personal-api-keys";
import { call, sessionCookie } from "../support/requests";
import { useStatementCountingDb, type StatementLog } from "../support/sql-statements";
import { addOrganization, createTestUser, reloadUser } from "../support/users";

let counting: ReturnType<typeof useStatementCountingDb>;

beforeAll(() => {
  counting = useStatementCountingDb();
});
afterAll(async () => {
  await counting.teardown();
});

/** A signed-in user with `organizations` organizations (the personal one included), each with two teams but the first. */
async function member(organizations: number) {
  const user = await createTestUser();
  for (let i = 1; i < organizations; i++) await addOrganization(user.id, 2);
  return { user, cookie: await sessionCookie(user) };
}

const getMe = (cookie: string) => call(GET, { path: "/api/users/@me", params: { uuid: "@me" }, cookie });
const patchMe = (cookie: string, body: unknown) =>
  call(PATCH, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, body });

function describeLog(log: StatementLog): string {
  return log.all.join("\n---\n");
}

describe.each([1, 3])("the hot path for a member of %i organization(s)", (organizations) => {
  it("GET /api/users/@me runs 1 statement: the session's user with the memberships and their counts", async () => {
    const { cookie } = await member(organizations);
    await getMe(cookie);
    const { result, log } = await counting.measure(() => getMe(cookie));
    expect(result.status).toBe(200);
    expect(result.body.organizations).toHaveLength(organizations);
    expect(log.transactionControl, describeLog(log)).toEqual([]);
    expect(log.statements.length, describeLog(log)).toBe(1);
    // The session row and its user are re-read on every request: a revoked session ends on its next request.
    expect(log.statements[0]).toMatch(/FROM sessions s[\s\S]*FROM organization_memberships m[\s\S]*JOIN users u/);
  });

  it("GET by the caller's own uuid, which is only known to be them once the session is read, takes a second statement for the memberships", async () => {
    const { user, cookie } = await member(organizations);
    // A scene choice too: both ways of reading the details show the same.
    const teamId = (await reloadUser(user.id)).currentTeamId!;
    const dashboard = await db().dashboard.create({ data: { teamId, name: "Board" } });
    await db().scenePersonalisation.create({ data: { userId: user.id, teamId, scene: "Dashboards", dashboardId: dashboard.id } });
    const byUuid = () => call(GET, { path: `/api/users/${user.uuid}`, params: { uuid: user.uuid }, cookie });
    await byUuid();
    const { result, log } = await counting.measure(byUuid);
    expect(result.status).toBe(200);
    expect(result.body.scene_personalisation).toEqual([{ scene: "Dashboards", dashboard: dashboard.id }]);
    expect(result.body).toEqual((await getMe(cookie)).body);
    expect(log.statements.length, describeLog(log)).toBe(2);
  });

  it("GET /api/users/@me with a personal API key runs at most 2 statements too: the key's user (and last-used touch), then the memberships", async () => {
    const { user } = await member(organizations);
    const { value } = await createKeyFor(user, ["user:read"]);
    const getWithKey = () => call(GET, { path: "/api/users/@me", params: { uuid: "@me" }, headers: bearer(value) });
    await getWithKey();
    const { result, log } = await counting.measure(getWithKey);
    expect(result.status).toBe(200);
    expect(result.body.organizations).toHaveLength(organizations);
    expect(log.transactionControl, describeLog(log)).toEqual([]);
    expect(log.statements.length, describeLog(log)).toBeLessThanOrEqual(2);
    expect(log.statements[0]).toMatch(/FROM personal_api_keys k[\s\S]*UPDATE personal_api_keys[\s\S]*JOIN users u/);
  });

  it("the first request with a key, which sets last_used_at, is still 2 statements", async () => {
    const { user } = await member(organizations);
    const { value } = await createKeyFor(user, ["*"]);
    const { result, log } = await counting.measure(() => call(GET, { path: "/api/users/@me", params: { uuid: "@me" }, headers: bearer(value) }));
    expect(result.status).toBe(200);
    expect(log.statements.length, describeLog(log)).toBeLessThanOrEqual(2);
  });

  it("PATCH /api/users/@me {theme_mode} runs 2 statements and no transaction: the session's user with the memberships, and the UPDATE", async () => {
    const { user, cookie } = await member(organizations);
    await getMe(cookie);
    const { result, log } = await counting.measure(() => patchMe(cookie, { theme_mode: "dark" }));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ theme_mode: "dark" });
    expect(result.body.organizations).toHaveLength(organizations);
    expect((await reloadUser(user.id)).themeMode).toBe("dark");
    // The budget is 4 plus BEGIN/COMMIT; this is what a plain field write needs today.
    expect(log.statements.length, describeLog(log)).toBe(2);
    expect(log.transactionControl, describeLog(log)).toEqual([]);
    expect(log.all.filter((sql) => /FOR UPDATE/i.test(sql)), describeLog(log)).toEqual([]);
  });

  it.each([
    ["set_current_organization", "a membership check before the write"],
    ["notification_settings", "the stored overrides, read under a row lock"],
  ])("PATCH /api/users/@me {%s} (%s) stays within 4 statements plus BEGIN/COMMIT", async (field) => {
    const { user, cookie } = await member(organizations);
    const body = field === "set_current_organization" ? { set_current_organization: user.currentOrganizationId } : { notification_settings: { plugin_disabled: true } };
    await getMe(cookie);
    const { result, log } = await counting.measure(() => patchMe(cookie, body));
    expect(result.status).toBe(200);
    expect(log.statements.length, describeLog(log)).toBeLessThanOrEqual(4);
    expect(log.transactionControl, describeLog(log)).toEqual(["BEGIN", "COMMIT"]);
  });
});

describe("the user list", () => {
  it("runs the same statements for a page of 1 and a page of 5 (no query per row)", async () => {
    const staff = await createTestUser({ staff: true });
    for (const user of await Promise.all([createTestUser(), createTestUser(), createTestUser(), createTestUser()])) await addOrganization(user.id, 2);
    const cookie = await sessionCookie(staff);
    const list = (limit: number) => call(LIST, { path: `/api/users?limit=${limit}`, cookie });
    await list(1);
    const one = await counting.measure(() => list(1));
    const five = await counting.measure(() => list(5));
    expect(five.result.body.results).toHaveLength(5);
    expect(five.log.statements.length, describeLog(five.log)).toBe(one.log.statements.length);
    // The session's user, the count with the page, and the page's memberships; no transaction.
    expect(five.log.statements.length, describeLog(five.log)).toBeLessThanOrEqual(3);
    expect(five.log.statements[1]).toMatch(/FROM \(SELECT \(SELECT "active" FROM user_counts\) AS total\)/);
  });
});
