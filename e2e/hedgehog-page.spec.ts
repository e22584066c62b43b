import type { Page } from "@playwright/test";
import { APP_NAME } from "../playwright.config";
import { expect, test } from "./support/fixtures";
import { signInPage } from "./support/browser";

const CONFIG_PATH = "/api/users/@me/hedgehog_config/";

const preview = (page: Page) => page.getByTestId("hedgehog-preview").locator(".hedgehog-sprite");
const headerAvatar = (page: Page) => page.getByRole("banner").locator(".account-avatar");

/** StaticHedgehog draws one layer for the body and one per accessory, each a slice of the sprite sheet. */
const spriteLayers = (page: Page) => preview(page).locator('.hedgehog-sprite__image > div[style*="sprites.png"]');

test.beforeEach(async ({ page, account }) => {
  await signInPage(page, account);
});

test("the preview follows the choices, the save survives a reload, and the API has it", async ({ page, userApi }) => {
  await page.goto("/settings/hedgehog");
  await expect(page).toHaveTitle(`Hedgehog · Settings · ${APP_NAME}`);
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Hedgehog" })).toHaveAttribute("aria-current", "page");
  await expect(spriteLayers(page)).toHaveCount(1);
  await expect(preview(page)).toHaveAttribute("data-skin", "default");

  await page.getByRole("group", { name: "Skin" }).getByLabel("Robohog").check();
  await expect(preview(page)).toHaveAttribute("data-skin", "robohog");
  await expect(spriteLayers(page).first()).toHaveCSS("background-image", /sprites\.png/);

  await page.getByRole("group", { name: "Colour" }).getByLabel("Blue").check();
  await expect(preview(page)).toHaveAttribute("data-color", "blue");
  await expect(spriteLayers(page).first()).toHaveCSS("filter", /hue-rotate/);

  const headwear = page.getByRole("group", { name: "Headwear" });
  await headwear.getByLabel("Cap").check();
  await expect(spriteLayers(page)).toHaveCount(2);
  // A second headwear replaces the first: one per slot, never both.
  await headwear.getByLabel("Tophat").check();
  await expect(headwear.getByLabel("Cap")).not.toBeChecked();
  await expect(preview(page)).toHaveAttribute("data-accessories", "tophat");
  await page.getByRole("group", { name: "Eyewear" }).getByLabel("Sunglasses").check();
  await expect(spriteLayers(page)).toHaveCount(3);

  await page.getByRole("switch", { name: "Enable hedgehog mode" }).check();
  await page.getByRole("switch", { name: "Party mode" }).check();
  await expect(page.locator("#hedgehog-save-status")).toHaveText("You have unsaved changes.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#hedgehog-save-status")).toHaveText("All changes saved.");

  await page.reload();
  await expect(preview(page)).toHaveAttribute("data-skin", "robohog");
  await expect(page.getByRole("group", { name: "Colour" }).getByLabel("Blue")).toBeChecked();
  await expect(page.getByRole("group", { name: "Headwear" }).getByLabel("Tophat")).toBeChecked();
  await expect(page.getByRole("switch", { name: "Party mode" })).toBeChecked();
  await expect(spriteLayers(page)).toHaveCount(3);

  const stored = await (await userApi.get(CONFIG_PATH)).json();
  expect(stored).toMatchObject({
    version: 2,
    enabled: true,
    party_mode_enabled: true,
    use_as_profile: false,
    actor_options: { skin: "robohog", color: "blue", accessories: expect.arrayContaining(["tophat", "sunglasses"]) },
  });
  expect(stored.actor_options.accessories).toHaveLength(2);
});

test("Reset drops the draft and a refused save keeps it, with the error under the control", async ({ page }) => {
  await page.goto("/settings/hedgehog");
  const save = page.getByRole("button", { name: "Save" });
  await expect(save).toHaveAttribute("aria-disabled", "true");
  await page.getByRole("group", { name: "Skin" }).getByLabel("Ghost").check();
  await page.getByRole("button", { name: "Reset", exact: true }).click();
  await expect(preview(page)).toHaveAttribute("data-skin", "default");

  await page.route(`**${CONFIG_PATH}`, (route) =>
    route.request().method() === "PATCH"
      ? route.fulfill({
          status: 400,
          contentType: "application/json",
          body: JSON.stringify({ type: "validation_error", code: "invalid_choice", detail: "This colour is not available.", attr: "actor_options__color" }),
        })
      : route.continue(),
  );
  await page.getByRole("group", { name: "Colour" }).getByLabel("Sepia").check();
  await save.click();
  const colours = page.getByRole("group", { name: "Colour" });
  await expect(colours.getByText("This colour is not available.")).toBeVisible();
  await expect(colours).toHaveAttribute("aria-invalid", "true");
  await expect(colours.getByLabel("Sepia")).toBeChecked();
  await expect(preview(page)).toHaveAttribute("data-color", "sepia");
  await expect(page.locator("#hedgehog-save-status")).toHaveText("Not saved.");
});

test("“Use as my profile picture” puts the hedgehog in the header at once, and turning it off brings the initials back", async ({ page, userApi }) => {
  await page.goto("/settings/hedgehog");
  await expect(headerAvatar(page)).toHaveAttribute("data-avatar", "initials");
  await expect(headerAvatar(page)).toHaveText("E");

  await page.getByRole("group", { name: "Headwear" }).getByLabel("Cowboy").check();
  await page.getByRole("switch", { name: "Use as my profile picture" }).check();
  // The page previews the avatar at both sizes before anything is saved; the header waits for the save.
  await expect(page.locator('.hedgehog-preview .hedgehog-avatar[data-size="32"]')).toBeVisible();
  await expect(page.locator('.hedgehog-preview .hedgehog-avatar[data-size="64"]')).toBeVisible();
  await expect(headerAvatar(page)).toHaveAttribute("data-avatar", "initials");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(headerAvatar(page)).toHaveAttribute("data-avatar", "hedgehog");
  await expect(headerAvatar(page).locator(".hedgehog-sprite")).toHaveAttribute("data-accessories", "cowboy");
  await expect(headerAvatar(page).locator('div[style*="sprites.png"]')).toHaveCount(2);

  // Another page, server-rendered: the header still shows the hedgehog.
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Profile" }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(headerAvatar(page)).toHaveAttribute("data-avatar", "hedgehog");
  // The profile's account facts show the same picture.
  await expect(page.getByRole("region", { name: "Account" }).locator('.hedgehog-avatar .hedgehog-sprite[data-accessories="cowboy"]')).toBeVisible();
  expect((await (await userApi.get("/api/users/@me")).json()).hedgehog_config).toMatchObject({ use_as_profile: true });

  await page.goto("/settings/hedgehog");
  await page.getByRole("switch", { name: "Use as my profile picture" }).uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(headerAvatar(page)).toHaveAttribute("data-avatar", "initials");
  await expect(headerAvatar(page)).toHaveText("E");
});

test.describe("with reduced motion", () => {
  test.use({ reducedMotion: "reduce" });

  test("the hedgehog stays still, walking defaults to off and says why", async ({ page }) => {
    await page.goto("/settings/hedgehog");
    await expect(spriteLayers(page)).toHaveCount(1);
    await expect(preview(page)).toHaveAttribute("data-animating", "false");
    const animations = await preview(page).evaluate((element) => element.getAnimations({ subtree: true }).length);
    expect(animations).toBe(0);
    await expect(page.getByTestId("hedgehog-game")).toHaveCount(0);
    await expect(page.locator("canvas")).toHaveCount(0);
    const walking = page.getByRole("switch", { name: "Walk around" });
    await expect(walking).not.toBeChecked();
    await expect(page.getByText("Off by default because your device asks for reduced motion.")).toBeVisible();
  });
});

test("“Let it play” loads the animated hedgehog on demand; Pause and Stop work", async ({ page }) => {
  await page.goto("/settings/hedgehog");
  await expect(spriteLayers(page)).toHaveCount(1);
  await expect(page.getByTestId("hedgehog-game")).toHaveCount(0);

  await page.getByRole("button", { name: "Let it play" }).click();
  const game = page.getByTestId("hedgehog-game");
  await expect(game).toHaveAttribute("data-state", "playing", { timeout: 20_000 });
  // The renderer draws into a canvas inside its (open) shadow root.
  await expect(game.locator("#hedgehog-mode-root canvas").first()).toBeAttached();
  const container = game.locator("#hedgehog-mode-root .GameContainer");
  await expect(container).toHaveAttribute("data-running", "true");

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(game).toHaveAttribute("data-state", "paused");
  await expect(container).toHaveAttribute("data-running", "false");
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(game).toHaveAttribute("data-state", "playing");
  await expect(container).toHaveAttribute("data-running", "true");

  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByTestId("hedgehog-game")).toHaveCount(0);
  await expect(page.locator("#hedgehog-mode-root")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Let it play" })).toBeVisible();
});

test("only the hedgehog page's document lets the renderer eval; the rest keep the strict policy", async ({ page }) => {
  const hedgehog = (await page.goto("/settings/hedgehog"))?.headers()["content-security-policy"] ?? "";
  expect(hedgehog).toContain("'unsafe-eval'");
  expect(hedgehog).toContain("worker-src 'self' blob:");
  expect(hedgehog).toContain("frame-ancestors 'none'");
  const profile = (await page.goto("/settings/profile"))?.headers()["content-security-policy"] ?? "";
  expect(profile).not.toContain("'unsafe-eval'");
  expect(profile).not.toContain("worker-src");
  // The nav loads the hedgehog page as a new document, so its own policy applies.
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Hedgehog" }).click();
  await page.getByRole("button", { name: "Let it play" }).click();
  await expect(page.getByTestId("hedgehog-game")).toHaveAttribute("data-state", "playing", { timeout: 20_000 });
});

test("reached by in-app navigation (another page's policy), “Let it play” reloads the page and starts the game", async ({ page }) => {
  await page.goto("/settings/profile");
  await page.evaluate(() => (window as unknown as { next: { router: { push: (href: string) => void } } }).next.router.push("/settings/hedgehog"));
  await expect(page.getByRole("heading", { name: "Hedgehog", level: 1 })).toBeVisible();
  const reloaded = page.waitForEvent("load");
  await page.getByRole("button", { name: "Let it play" }).click();
  await reloaded;
  await expect(page.getByTestId("hedgehog-game")).toHaveAttribute("data-state", "playing", { timeout: 20_000 });
  await expect(page).toHaveURL(/\/settings\/hedgehog$/);
});
