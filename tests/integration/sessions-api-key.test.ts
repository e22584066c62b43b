import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { withoutPasswordHash } from "@/lib/auth/principal";
import { GET as LIST } from "@/app/api/users/[uuid]/sessions/route";
import { DELETE as REVOKE } from "@/app/api/users/[uuid]/sessions/[id]/route";
import { POST as REVOKE_OTHERS } from "@/app/api/users/[uuid]/sessions/revoke_others/route";
import { endpointOf } from "@/lib/api/route";
import { db } from "@/lib/db/client";
import { expectError } from "../support/envelope";
import { call, signedInSession } from "../support/requests";
import { createTestUser } from "../support/users";

// Personal API keys arrive with their own issue; the caller is injected as one, with every scope.
const injected = vi.hoisted(() => ({ principal: null as Principal | null }));
vi.mock("@/lib/auth/principal", async (original) => ({
  ...(await original<typeof import("@/lib/auth/principal")>()),
  authenticate: async () => injected.principal,
}));

beforeEach(() => {
  injected.principal = null;
});

async function keyHolder() {
  const user = await createTestUser();
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
  injected.principal = { ...withoutPasswordHash(row), method: "personal_api_key", scopes: "*", apiKeyId: randomUUID(), session: null, currentOrganizationEnforces2fa: false };
  return user;
}

const sessionOnly = { type: "authentication_error", code: "not_authenticated", attr: null } as const;

describe("the session routes refuse personal API keys, even with every scope", () => {
  it("cannot list, revoke one or revoke the others, and nothing changes", async () => {
    const user = await keyHolder();
    const session = await signedInSession(user);
    const params = { uuid: "@me" };
    expectError(await call(LIST, { path: "/api/users/@me/sessions", params }), 401, sessionOnly);
    expectError(await call(REVOKE, { method: "DELETE", path: `/api/users/@me/sessions/${session.id}`, params: { ...params, id: session.id } }), 401, sessionOnly);
    expectError(await call(REVOKE_OTHERS, { method: "POST", path: "/api/users/@me/sessions/revoke_others", params }), 401, sessionOnly);
    expect((await db().session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).toBeNull();
  });

  it("are declared session-only, so the document says so", () => {
    for (const handler of [LIST, REVOKE, REVOKE_OTHERS]) expect(endpointOf(handler)?.spec.auth).toBe("session");
  });
});
