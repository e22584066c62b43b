import { describe, expect, it } from "vitest";
import { POST as COMPLETE } from "@/app/api/users/[uuid]/credentials_review_complete/route";
import { GET as ME, PATCH as PATCH_USER } from "@/app/api/users/[uuid]/route";
import { db } from "@/lib/db/client";
import { requestCredentialReview } from "@/lib/users/credential-review";
import { expectError } from "../support/envelope";
import { call, sessionCookie } from "../support/requests";
import { createTestUser, reloadUser } from "../support/users";

const complete = (cookie: string | undefined, options: { uuid?: string; rawBody?: string; headers?: Record<string, string> } = {}) => {
  const uuid = options.uuid ?? "@me";
  return call(COMPLETE, {
    method: "POST",
    path: `/api/users/${uuid}/credentials_review_complete`,
    params: { uuid },
    cookie,
    rawBody: options.rawBody,
    headers: options.headers,
  });
};
const me = (cookie: string) => call(ME, { path: "/api/users/@me", params: { uuid: "@me" }, cookie });

async function flaggedUser(options: { staff?: boolean } = {}) {
  const user = await createTestUser(options);
  await requestCredentialReview(user.id);
  return { user, cookie: await sessionCookie(user) };
}

describe("requestCredentialReview", () => {
  it("flags the user, and the user serializer says so", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    expect((await me(cookie)).body.requires_credential_review).toBe(false);
    await requestCredentialReview(user.id);
    expect((await reloadUser(user.id)).requiresCredentialReview).toBe(true);
    expect((await me(cookie)).body.requires_credential_review).toBe(true);
  });
});

describe("POST /api/users/:uuid/credentials_review_complete", () => {
  it("answers 204, clears the flag and records the review time", async () => {
    const { user, cookie } = await flaggedUser();
    const before = Date.now();
    const response = await complete(cookie);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    const row = await reloadUser(user.id);
    expect(row.requiresCredentialReview).toBe(false);
    expect(row.credentialsReviewedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await me(cookie)).body.requires_credential_review).toBe(false);
  });

  it("is idempotent, and keeps the first review time", async () => {
    const { user, cookie } = await flaggedUser();
    expect((await complete(cookie)).status).toBe(204);
    const first = (await reloadUser(user.id)).credentialsReviewedAt;
    expect(first).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await complete(cookie)).status).toBe(204);
    await requestCredentialReview(user.id);
    expect((await complete(cookie)).status).toBe(204);
    const row = await reloadUser(user.id);
    expect(row.requiresCredentialReview).toBe(false);
    expect(row.credentialsReviewedAt?.getTime()).toBe(first?.getTime());
  });

  it("answers 204 for a user who was never flagged", async () => {
    const user = await createTestUser();
    expect((await complete(await sessionCookie(user))).status).toBe(204);
    expect((await reloadUser(user.id)).requiresCredentialReview).toBe(false);
  });

  it.each<[string, { rawBody?: string; headers?: Record<string, string> }]>([
    ["no body, no content type", {}],
    ["no body with a JSON content type", { headers: { "content-type": "application/json" } }],
    ["an empty JSON object", { rawBody: "{}", headers: { "content-type": "application/json" } }],
    ["the user's fields, which it ignores", { rawBody: JSON.stringify({ first_name: "Changed" }), headers: { "content-type": "application/json" } }],
  ])("accepts %s", async (_label, options) => {
    const { user, cookie } = await flaggedUser();
    expect((await complete(cookie, options)).status).toBe(204);
    const row = await reloadUser(user.id);
    expect(row.requiresCredentialReview).toBe(false);
    expect(row.firstName).toBe("Test");
  });

  it("accepts the caller's own uuid and %40me", async () => {
    const { user, cookie } = await flaggedUser();
    expect((await complete(cookie, { uuid: user.uuid })).status).toBe(204);
    expect((await complete(cookie, { uuid: "%40me" })).status).toBe(204);
  });

  it("refuses another user's uuid with 403, even for staff, and leaves that user flagged", async () => {
    const { user: target } = await flaggedUser();
    const plain = await createTestUser();
    const staff = await createTestUser({ staff: true });
    for (const caller of [plain, staff]) {
      const response = await complete(await sessionCookie(caller), { uuid: target.uuid });
      expectError(response, 403, { type: "authentication_error", code: "permission_denied", attr: null });
    }
    const row = await reloadUser(target.id);
    expect(row.requiresCredentialReview).toBe(true);
    expect(row.credentialsReviewedAt).toBeNull();
  });

  it("answers 401 to an anonymous caller", async () => {
    expectError(await complete(undefined), 401, { type: "authentication_error", code: "not_authenticated", attr: null });
  });

  it("refuses a cross-site write", async () => {
    const { user, cookie } = await flaggedUser();
    const response = await complete(cookie, { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect(response.status).toBe(403);
    expect((await reloadUser(user.id)).requiresCredentialReview).toBe(true);
  });
});

describe("PATCH /api/users/@me", () => {
  it("ignores requires_credential_review, which only staff set", async () => {
    const { user, cookie } = await flaggedUser();
    const response = await call(PATCH_USER, {
      method: "PATCH",
      path: "/api/users/@me",
      params: { uuid: "@me" },
      cookie,
      body: { requires_credential_review: false, first_name: "Patched" },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ requires_credential_review: true, first_name: "Patched" });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.requiresCredentialReview).toBe(true);
  });
});
