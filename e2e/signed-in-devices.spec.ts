import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { contractChecked } from "./support/api-contract";
import { signInPage } from "./support/browser";
import { SAME_ORIGIN, expect, signIn, test, type TestUser } from "./support/fixtures";

const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI_ON_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

/** Another device of the same person: its own cookie jar and user agent. */
async function deviceOf(account: TestUser, userAgent: string): Promise<APIRequestContext> {
  const api = contractChecked(await playwrightRequest.newContext({ baseURL, userAgent }));
  await signIn(api, account.email, account.password);
  return api;
}

const sessionsOf = async (api: APIRequestContext) => (await (await api.get("/api/users/@me/sessions")).json()).results as Array<{ id: string; device: string; is_current: boolean }>;

test.describe("the sessions API", () => {
  test("lists the caller's devices with the current one first, and signs one out", async ({ account, userApi }) => {
    const laptop = await deviceOf(account, FIREFOX_ON_WINDOWS);
    const listed = await sessionsOf(userApi);
    expect(listed[0]).toMatchObject({ is_current: true });
    const laptopRow = listed.find((row) => row.device === "Firefox on Windows");
    expect(laptopRow).toBeDefined();
    expect((await userApi.delete(`/api/users/@me/sessions/${laptopRow!.id}`, { headers: SAME_ORIGIN })).status()).toBe(204);
    expect((await laptop.get("/api/users/@me")).status()).toBe(401);
    expect((await userApi.get("/api/users/@me")).status()).toBe(200);
    await laptop.dispose();
  });

  test("another user's session id is a 404, their path a 403, anonymous a 401; nothing changes", async ({ account, other, users, staffApi, anonApi }) => {
    const mine = await users.signIn(account);
    const theirs = await users.signIn(other);
    const [theirRow] = await sessionsOf(theirs);
    expect((await mine.delete(`/api/users/@me/sessions/${theirRow!.id}`, { headers: SAME_ORIGIN })).status()).toBe(404);
    expect((await mine.get(`/api/users/${other.uuid}/sessions`)).status()).toBe(403);
    expect((await staffApi.get(`/api/users/${other.uuid}/sessions`)).status()).toBe(403);
    expect((await staffApi.post(`/api/users/${other.uuid}/sessions/revoke_others`, { headers: SAME_ORIGIN })).status()).toBe(403);
    expect((await anonApi.get("/api/users/@me/sessions")).status()).toBe(401);
    expect((await theirs.get("/api/users/@me")).status()).toBe(200);
  });

  test("a cross-site revoke is refused", async ({ account, userApi }) => {
    const laptop = await deviceOf(account, FIREFOX_ON_WINDOWS);
    const response = await userApi.post("/api/users/@me/sessions/revoke_others", { headers: { origin: "https://evil.example" } });
    expect(response.status()).toBe(403);
    expect((await laptop.get("/api/users/@me")).status()).toBe(200);
    await laptop.dispose();
  });
});

test.describe("the Signed-in devices card", () => {
  test("shows this device and another, and signing the other out ends its session", async ({ page, account }) => {
    await signInPage(page, account);
    const phone = await deviceOf(account, SAFARI_ON_IPHONE);
    await page.goto("/settings/security");
    const card = page.getByRole("region", { name: "Signed-in devices" });
    const list = card.getByRole("list", { name: "Signed-in devices" });
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list.getByRole("listitem").first()).toContainText("This device");
    const phoneRow = list.getByRole("listitem").filter({ hasText: "Mobile Safari on iPhone" });
    await expect(phoneRow).toBeVisible();
    await expect(list.getByRole("listitem").first().getByRole("button", { name: /Sign out/ })).toHaveCount(0);

    await phoneRow.getByRole("button", { name: /^Sign out Mobile Safari on iPhone/ }).click();
    const dialog = page.getByRole("alertdialog", { name: "Sign out Mobile Safari on iPhone?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect((await phone.get("/api/users/@me")).status()).toBe(200);

    await phoneRow.getByRole("button", { name: /^Sign out Mobile Safari on iPhone/ }).click();
    await dialog.getByRole("button", { name: "Sign out device" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Signed out Mobile Safari on iPhone" })).toBeVisible();
    await expect(list.getByRole("listitem")).toHaveCount(1);
    expect((await phone.get("/api/users/@me")).status()).toBe(401);
    expect((await page.context().request.get("/api/users/@me")).status()).toBe(200);
    await phone.dispose();
  });

  test("signs out everywhere else, then explains why the button is off", async ({ page, account }) => {
    await signInPage(page, account);
    const devices = [await deviceOf(account, FIREFOX_ON_WINDOWS), await deviceOf(account, SAFARI_ON_IPHONE)];
    await page.goto("/settings/security");
    const card = page.getByRole("region", { name: "Signed-in devices" });
    await expect(card.getByRole("listitem")).toHaveCount(3);
    await card.getByRole("button", { name: "Sign out everywhere else" }).click();
    await page.getByRole("alertdialog", { name: "Sign out everywhere else?" }).getByRole("button", { name: "Sign out other devices" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Signed out 2 other devices" })).toBeVisible();
    await expect(card.getByRole("listitem")).toHaveCount(1);
    await expect(card.getByRole("button", { name: "Sign out everywhere else" })).toBeDisabled();
    await expect(card.getByText("This is the only device signed in.")).toBeVisible();
    for (const device of devices) {
      expect((await device.get("/api/users/@me")).status()).toBe(401);
      await device.dispose();
    }
    await page.reload();
    await expect(card.getByRole("listitem")).toHaveCount(1);
  });
});
