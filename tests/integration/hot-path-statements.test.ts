import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, PATCH } from "@/app/api/users/[uuid]/route";
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
  it("GET /api/users/@me runs at most 2 statements: the session's user, then the memberships with their counts", async () => {
    const { cookie } = await member(organizations);
    await getMe(cookie);
    const { result, log } = await counting.measure(() => getMe(cookie));
    expect(result.status).toBe(200);
    expect(result.body.organizations).toHaveLength(organizations);
    expect(log.transactionControl, describeLog(log)).toEqual([]);
    expect(log.statements.length, describeLog(log)).toBeLessThanOrEqual(2);
    // The user row is re-read on every request: a revoked session ends on its next request.
    expect(log.statements[0]).toMatch(/FROM "public"\."users"/);
  });

  it("PATCH /api/users/@me {theme_mode} runs at most 4 statements plus BEGIN/COMMIT", async () => {
    const { user, cookie } = await member(organizations);
    await getMe(cookie);
    const { result, log } = await counting.measure(() => patchMe(cookie, { theme_mode: "dark" }));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ theme_mode: "dark" });
    expect(result.body.organizations).toHaveLength(organizations);
    expect((await reloadUser(user.id)).themeMode).toBe("dark");
    expect(log.statements.length, describeLog(log)).toBeLessThanOrEqual(4);
    expect(log.transactionControl.length, describeLog(log)).toBeLessThanOrEqual(2);
    for (const sql of log.transactionControl) expect(sql).toMatch(/^(BEGIN|COMMIT)$/);
  });
});
