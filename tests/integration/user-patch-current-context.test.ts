import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/users/[uuid]/route";
import { expectError } from "../support/envelope";
import { call, sessionCookie } from "../support/requests";
import { addOrganization, createTestUser, reloadUser } from "../support/users";

async function userWithTwoOrganizations() {
  const user = await createTestUser();
  const extra = await addOrganization(user.id, 2);
  return { user, extra, cookie: await sessionCookie(user) };
}

const patch = (cookie: string, body: unknown) => call(PATCH, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, body });

describe("PATCH /api/users/@me set_current_organization / set_current_team", () => {
  it("switches to one of the user's organizations, landing on its first team", async () => {
    const { user, extra, cookie } = await userWithTwoOrganizations();
    const response = await patch(cookie, { set_current_organization: extra.id });
    expect(response.status).toBe(200);
    expect(response.body.organization.id).toBe(extra.id);
    expect(response.body.team.id).toBe(extra.teams[0]!.id);
    expect(response.body.organizations.map((org: { id: string }) => org.id)).toContain(extra.id);
    expect(await reloadUser(user.id)).toMatchObject({ currentOrganizationId: extra.id, currentTeamId: extra.teams[0]!.id });
  });

  it("switches to one of the user's teams, and to its organization", async () => {
    const { user, extra, cookie } = await userWithTwoOrganizations();
    const team = extra.teams[1]!;
    const response = await patch(cookie, { set_current_team: team.id });
    expect(response.status).toBe(200);
    expect(response.body.team).toMatchObject({ id: team.id, organization: extra.id });
    expect(response.body.organization.id).toBe(extra.id);
    expect(await reloadUser(user.id)).toMatchObject({ currentOrganizationId: extra.id, currentTeamId: team.id });

    const asString = await patch(cookie, { set_current_team: String(extra.teams[0]!.id) });
    expect(asString.body.team.id).toBe(extra.teams[0]!.id);
  });

  it("accepts an organization and a team of that organization together", async () => {
    const { extra, cookie } = await userWithTwoOrganizations();
    const response = await patch(cookie, { set_current_organization: extra.id, set_current_team: extra.teams[1]!.id });
    expect(response.status).toBe(200);
    expect(response.body.team.id).toBe(extra.teams[1]!.id);
  });

  it("refuses a team that is not in the given organization, naming set_current_team", async () => {
    const { user, extra, cookie } = await userWithTwoOrganizations();
    const before = await reloadUser(user.id);
    const response = await patch(cookie, { set_current_organization: before.currentOrganizationId, set_current_team: extra.teams[0]!.id });
    expectError(response, 400, { type: "validation_error", code: "invalid_input", attr: "set_current_team" });
    expect(await reloadUser(user.id)).toEqual(before);
  });

  it("answers another user's organization exactly like a nonexistent one", async () => {
    const [{ user, cookie }, stranger] = await Promise.all([userWithTwoOrganizations(), createTestUser()]);
    const before = await reloadUser(user.id);
    const foreign = await patch(cookie, { set_current_organization: stranger.currentOrganizationId });
    const missing = await patch(cookie, { set_current_organization: randomUUID() });
    expectError(foreign, 400, { type: "validation_error", code: "does_not_exist", attr: "set_current_organization" });
    expect(foreign.body).toEqual(missing.body);
    expect(await reloadUser(user.id)).toEqual(before);
  });

  it("answers another user's team exactly like a nonexistent one", async () => {
    const [{ user, cookie }, stranger] = await Promise.all([userWithTwoOrganizations(), createTestUser()]);
    const before = await reloadUser(user.id);
    const foreign = await patch(cookie, { set_current_team: stranger.currentTeamId });
    const missing = await patch(cookie, { set_current_team: 2_000_000_000 });
    expectError(foreign, 400, { type: "validation_error", code: "does_not_exist", attr: "set_current_team" });
    expect(foreign.body).toEqual(missing.body);
    expect(await reloadUser(user.id)).toEqual(before);
  });
});
