import { randomBytes } from "node:crypto";
import { SAME_ORIGIN, expect, test } from "./support/fixtures";
import { signInPage } from "./support/browser";

test.describe("the Signals card", () => {
  test("opting in, choosing the priorities and a Slack channel, all kept across a reload; opting out", async ({ page, account, userApi, prisma }) => {
    await signInPage(page, account);
    await page.goto("/settings/preferences");
    const card = page.getByRole("region", { name: "Signals" });
    const optIn = card.getByRole("switch", { name: "Signal autonomy" });
    await expect(optIn).not.toBeChecked();
    await expect(card.getByRole("combobox")).toHaveCount(0);

    await optIn.click();
    await expect(optIn).toBeChecked();
    await expect(card.locator("#signals-opt-in-status")).toHaveText("Saved");
    const autostart = card.getByRole("combobox", { name: "Start on their own from" });
    await expect(autostart).toHaveValue("");
    await autostart.selectOption("P1");
    await expect(card.getByRole("status").filter({ hasText: "Saved" }).first()).toBeVisible();
    await card.getByRole("combobox", { name: "Notify in Slack from" }).selectOption("P3");

    const channel = card.getByRole("textbox", { name: "Slack channel" });
    await channel.fill("general chat");
    await card.getByRole("button", { name: "Save channel" }).click();
    await expect(card.getByRole("alert")).toContainText("Enter a Slack channel id");
    await expect(channel).toHaveAttribute("aria-invalid", "true");
    await channel.fill("#alerts");
    await card.getByRole("button", { name: "Save channel" }).click();
    await expect(card.getByRole("alert")).toHaveCount(0);

    await expect
      .poll(async () => (await userApi.get("/api/users/@me/signal_autonomy/")).json())
      .toMatchObject({ autostart_priority: "P1", slack_notification_min_priority: "P3", slack_notification_channel: "#alerts" });
    // The first paint already holds the settings.
    const html = await (await userApi.get("/settings/preferences")).text();
    expect(html).toContain("#alerts");
    await page.reload();
    await expect(card.getByRole("combobox", { name: "Start on their own from" })).toHaveValue("P1");
    await expect(card.getByRole("textbox", { name: "Slack channel" })).toHaveValue("#alerts");

    await card.getByRole("switch", { name: "Signal autonomy" }).click();
    await expect(card.getByRole("switch", { name: "Signal autonomy" })).not.toBeChecked();
    await expect(card.getByRole("combobox")).toHaveCount(0);
    expect(await prisma.signalAutonomyConfig.findUnique({ where: { userId: account.id } })).toBeNull();
  });
});

test.describe("the Mobile devices card", () => {
  test("lists the devices a mobile client registered, masked, and removing one stops it there", async ({ page, account, userApi, prisma }) => {
    const phone = `apns-${randomBytes(20).toString("hex")}`;
    const tablet = `fcm-${randomBytes(20).toString("hex")}`;
    expect((await userApi.post("/api/users/@me/push_tokens/", { data: { token: phone, platform: "ios" }, headers: SAME_ORIGIN })).status()).toBe(201);
    expect((await userApi.post("/api/users/@me/push_tokens/", { data: { token: tablet, platform: "android" }, headers: SAME_ORIGIN })).status()).toBe(201);

    await signInPage(page, account);
    await page.goto("/settings/preferences");
    const list = page.getByRole("list", { name: "Mobile devices" });
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list).toContainText(`iPhone or iPad …${phone.slice(-4)}`);
    await expect(list).toContainText(`Android …${tablet.slice(-4)}`);
    expect(await page.content()).not.toContain(phone);

    await list.getByRole("button", { name: `Remove iPhone or iPad …${phone.slice(-4)}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `Removed iPhone or iPad …${phone.slice(-4)}` })).toBeVisible();
    await expect(list.getByRole("listitem")).toHaveCount(1);
    expect((await prisma.pushToken.findMany({ where: { userId: account.id } })).map((row) => row.token)).toEqual([tablet]);

    expect((await userApi.post("/api/users/@me/push_tokens/unregister/", { data: { token: tablet }, headers: SAME_ORIGIN })).status()).toBe(204);
    await page.reload();
    await expect(page.getByRole("region", { name: "Mobile devices" })).toContainText("No device gets push notifications.");
  });
});
