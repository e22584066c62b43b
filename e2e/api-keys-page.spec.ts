import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { signInPage } from "./support/browser";
import { SAME_ORIGIN, expect, test } from "./support/fixtures";

/** What a script does with a key: a client of its own, no cookies, the key in Authorization. */
async function withKey(value: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${value}` } });
}

test.describe("the API keys page", () => {
  test("explains keys when there are none, creates one, reveals it once, and a script can use it within its scope", async ({ page, account }) => {
    await signInPage(page, account);
    await page.goto("/settings/api-keys");
    await expect(page.getByText("You have no personal API keys yet.")).toBeVisible();

    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByText("Give the key a label.")).toBeVisible();
    await expect(page.getByText("Choose at least one kind of access.")).toBeVisible();

    await page.getByLabel("Label").fill("Deploy script");
    await page.getByLabel(/Read your account/).check();
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: "Key “Deploy script” created" });
    await expect(dialog.getByText("It will not be shown again.")).toBeVisible();
    const value = await dialog.getByLabel("Personal API key").inputValue();
    expect(value).toMatch(/^phx_[A-Za-z0-9_-]{40,}$/);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "I've copied the key" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(value)).toHaveCount(0);
    const list = page.getByRole("list", { name: "Personal API keys" });
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expect(list).toContainText("Deploy script");
    await expect(list).toContainText(value.slice(-4));

    const script = await withKey(value);
    const me = await script.get("/api/users/@me");
    expect(me.status()).toBe(200);
    expect((await me.json()).uuid).toBe(account.uuid);
    const write = await script.patch("/api/users/@me", { data: { first_name: "Scripted" } });
    expect(write.status()).toBe(403);
    expect((await write.json()).detail).toContain("user:write");
    expect((await script.get("/api/users/@me/sessions")).status()).toBe(401);
    await script.dispose();
  });

  test("rolls a key after confirmation (the old value stops working) and revokes one (its value stops working)", async ({ page, account }) => {
    await signInPage(page, account);
    const session = page.context().request;
    const create = async (label: string, scopes: string[]) =>
      (await (await session.post("/api/personal_api_keys", { headers: SAME_ORIGIN, data: { label, scopes } })).json()) as { value: string };
    const ci = await create("CI", ["*"]);
    const bot = await create("Old bot", ["user:read", "user:write"]);
    await page.goto("/settings/api-keys");
    const list = page.getByRole("list", { name: "Personal API keys" });
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list).toContainText("Full access");

    await page.getByRole("button", { name: "Roll CI" }).click();
    await page.getByRole("alertdialog", { name: "Roll CI?" }).getByRole("button", { name: "Roll key" }).click();
    const reveal = page.getByRole("dialog", { name: "Key “CI” rolled" });
    const rolled = await reveal.getByLabel("Personal API key").inputValue();
    expect(rolled).not.toBe(ci.value);
    await reveal.getByRole("button", { name: "I've copied the key" }).click();
    const [oldCi, newCi] = [await withKey(ci.value), await withKey(rolled)];
    expect((await oldCi.get("/api/users/@me")).status()).toBe(401);
    expect((await newCi.get("/api/users/@me")).status()).toBe(200);

    await page.getByRole("button", { name: "Revoke Old bot" }).click();
    const revoke = page.getByRole("alertdialog", { name: "Revoke Old bot?" });
    await revoke.getByRole("button", { name: "Cancel" }).click();
    const botClient = await withKey(bot.value);
    expect((await botClient.get("/api/users/@me")).status()).toBe(200);
    await page.getByRole("button", { name: "Revoke Old bot" }).click();
    await revoke.getByRole("button", { name: "Revoke key" }).click();
    await expect(list.getByRole("listitem")).toHaveCount(1);
    expect((await botClient.get("/api/users/@me")).status()).toBe(401);
    await Promise.all([oldCi.dispose(), newCi.dispose(), botClient.dispose()]);
  });
});
