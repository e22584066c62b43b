import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/users/[uuid]/route";
import { expectError } from "../support/envelope";
import { call, sessionCookie } from "../support/requests";
import { db } from "@/lib/db/client";
import { addOrganization, createTestUser } from "../support/users";

type TestUser = Awaited<ReturnType<typeof createTestUser>>;

let staff: TestUser;
let member: TestUser;
let other: TestUser;
let staffCookie: string;
let memberCookie: string;

beforeAll(async () => {
  [staff, member, other] = await Promise.all([createTestUser({ staff: true }), createTestUser({ firstName: "Member" }), createTestUser()]);
  [staffCookie, memberCookie] = await Promise.all([sessionCookie(staff), sessionCookie(member)]);
});

const get = (uuid: string, cookie?: string) => call(GET, { path: `/api/users/${uuid}`, params: { uuid }, cookie });

function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysDeep(inner, into);
    }
  }
  return into;
}

describe("GET /api/users/:uuid", () => {
  it.each(["@me", "%40me", "own uuid", "own uuid upper-cased"])("answers %s with the caller", async (ref) => {
    const uuid = ref === "own uuid" ? member.uuid : ref === "own uuid upper-cased" ? member.uuid.toUpperCase() : ref;
    const response = await get(uuid, memberCookie);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ uuid: member.uuid, email: member.email, first_name: "Member", is_staff: false, has_password: true });
    expect(Date.parse(response.body.sensitive_session_expires_at)).toBeGreaterThan(Date.now());
    expect(response.body.organization).not.toBeNull();
    expect(response.body.team).not.toBeNull();
    expect(response.body.team.organization).toBe(response.body.organization.id);
  });

  it("never returns a secret, and is not cacheable or sniffable", async () => {
    const response = await get("@me", memberCookie);
    expect(response.status).toBe(200);
    expect(response.body.uuid).toBe(member.uuid);
    const keys = keysDeep(response.body);
    for (const secret of ["password", "passwordHash", "password_hash", "sessionVersion", "session_version"]) {
      expect(keys.has(secret), secret).toBe(false);
    }
    expect(JSON.stringify(response.body)).not.toContain("$argon2");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("lets staff read another user, without session facts", async () => {
    const response = await get(other.uuid, staffCookie);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ uuid: other.uuid, email: other.email, sensitive_session_expires_at: null });
  });

  it("answers a non-staff caller asking for someone else with 403", async () => {
    expectError(await get(other.uuid, memberCookie), 403, { type: "authentication_error", code: "permission_denied", attr: null });
  });

  it.each([
    ["an unknown uuid", randomUUID()],
    ["a malformed id", "not-a-uuid"],
    ["a numeric id", "1"],
  ])("answers staff asking for %s with 404", async (_label, ref) => {
    expectError(await get(ref, staffCookie), 404, { type: "invalid_request", code: "not_found", attr: null });
  });

  it("answers an over-long id with 400 naming uuid", async () => {
    expectError(await get("x".repeat(101), staffCookie), 400, { type: "validation_error", code: "max_length", attr: "uuid" });
  });

  it("answers an anonymous caller with 401 (with the security headers too)", async () => {
    const response = await get("@me");
    expectError(response, 401, { type: "authentication_error", code: "not_authenticated", attr: null });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("describes the current organization with its member count, and lists every membership", async () => {
    const [user, colleague] = await Promise.all([createTestUser(), createTestUser()]);
    const shared = await addOrganization(user.id, 2);
    await db().organizationMembership.create({ data: { organizationId: shared.id, userId: colleague.id } });
    const cookie = await sessionCookie(user);

    const personal = (await get("@me", cookie)).body;
    expect(personal.organization).toMatchObject({ member_count: 1, membership_level: 15 });
    expect(personal.organizations).toHaveLength(2);

    await db().user.update({ where: { id: user.id }, data: { currentOrganizationId: shared.id, currentTeamId: shared.teams[1]!.id } });
    const switched = (await get("@me", cookie)).body;
    expect(switched.organization).toMatchObject({ id: shared.id, member_count: 2, membership_level: 1 });
    expect(switched.organization.teams.map((team: { id: number }) => team.id)).toEqual(shared.teams.map((team) => team.id));
    expect(switched.team).toMatchObject({ id: shared.teams[1]!.id, organization: shared.id, project_id: shared.teams[1]!.id });
  });
});
