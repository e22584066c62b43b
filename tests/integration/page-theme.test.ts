import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { pageThemeMode } from "@/lib/theme/page-theme";
import { sessionCookie } from "../support/requests";
import { useStatementCountingDb } from "../support/sql-statements";
import { createTestUser } from "../support/users";

// The root layout reads the request's cookie through next/headers; here it is whatever the test sets.
let requestCookie: string | null = null;
vi.mock("next/headers", () => ({
  headers: async () => new Headers(requestCookie === null ? {} : { cookie: requestCookie }),
}));

let counting: ReturnType<typeof useStatementCountingDb>;
beforeAll(() => {
  counting = useStatementCountingDb();
});
afterAll(async () => {
  await counting.teardown();
});
beforeEach(() => {
  requestCookie = null;
});

describe("the theme the root layout renders into <html>", () => {
  it.each([
    ["no cookie header", null],
    ["only other cookies", "theme=dark; other=1"],
    ["a session cookie that does not decrypt", "next-auth.session-token=not-a-token"],
  ])("is the device's (null) for %s, without a database statement", async (_label, cookie) => {
    requestCookie = cookie;
    const { result, log } = await counting.measure(() => pageThemeMode());
    expect(result).toBeNull();
    expect(log.all).toEqual([]);
  });

  it.each(["dark", "light", "system", null] as const)("is the signed-in user's saved %s, read with the session in one statement", async (themeMode) => {
    const user = await createTestUser();
    await db().user.update({ where: { id: user.id }, data: { themeMode } });
    requestCookie = await sessionCookie(user);
    const { result, log } = await counting.measure(() => pageThemeMode());
    expect(result).toBe(themeMode);
    expect(log.statements).toHaveLength(1);
    expect(log.statements[0]).toMatch(/FROM sessions s/);
  });

  it("falls back to the device when the lookup fails, so the page still renders (the settings layout reports the failure)", async () => {
    const user = await createTestUser();
    await db().user.update({ where: { id: user.id }, data: { themeMode: "dark" } });
    requestCookie = await sessionCookie(user);
    const failing = vi.spyOn(await import("@/lib/sessions/lookup"), "findLiveSession").mockRejectedValueOnce(new Error("database unavailable"));
    await expect(pageThemeMode()).resolves.toBeNull();
    expect(failing).toHaveBeenCalledOnce();
    failing.mockRestore();
  });
});
