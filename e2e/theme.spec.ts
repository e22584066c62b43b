import type { Page } from "@playwright/test";
import type { AppPrismaClient } from "@/lib/db/create-client";
import { expect, test } from "./support/fixtures";
import { signInPage } from "./support/browser";
import type { UserFactory } from "./support/users";

/** globals.css `--bg` in each theme, as getComputedStyle reports it. */
const LIGHT_BG = "rgb(245, 246, 248)";
const DARK_BG = "rgb(14, 16, 20)";

type ThemeMode = "light" | "dark" | "system";

/** Records, from before the first byte is parsed, the body colour at DOMContentLoaded and every later change to `<html>`'s theme. */
async function watchFirstPaint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record = { backgroundAtLoad: "", changesAfterLoad: [] as string[] };
    (window as unknown as { __theme: typeof record }).__theme = record;
    let loaded = false;
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (loaded && mutation.target === document.documentElement) record.changesAfterLoad.push(`${mutation.attributeName}=${document.documentElement.getAttribute(mutation.attributeName ?? "")}`);
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-theme", "class", "style"] });
    document.addEventListener("DOMContentLoaded", () => {
      loaded = true;
      record.backgroundAtLoad = getComputedStyle(document.body).backgroundColor;
    });
  });
}

async function firstPaint(page: Page): Promise<{ backgroundAtLoad: string; changesAfterLoad: string[] }> {
  return page.evaluate(() => (window as unknown as { __theme: { backgroundAtLoad: string; changesAfterLoad: string[] } }).__theme);
}

const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

async function userWithTheme(users: UserFactory, prisma: AppPrismaClient, themeMode: ThemeMode | null) {
  const user = await users.create();
  await prisma.user.update({ where: { id: user.id }, data: { themeMode } });
  return user;
}

/** The `<html …>` start tag exactly as the server sent it, before any script ran. */
async function serverHtmlTag(page: Page, path: string): Promise<string> {
  const response = await page.context().request.get(path);
  expect(response.status()).toBe(200);
  const tag = /<html[^>]*>/.exec(await response.text())?.[0];
  expect(tag, `an <html> tag in ${path}`).toBeDefined();
  return tag ?? "";
}

test.describe("a saved theme is in the server's HTML, so no page flashes another one", () => {
  test.use({ colorScheme: "light" });

  test("a dark user on a light device: dark from the first byte, on every page, across reloads and navigation", async ({ page, users, prisma }) => {
    await signInPage(page, await userWithTheme(users, prisma, "dark"));
    for (const path of ["/settings/profile", "/settings/preferences", "/settings/security"]) {
      const tag = await serverHtmlTag(page, path);
      expect(tag, path).toContain('data-theme="dark"');
      expect(tag, path).toMatch(/style="color-scheme:\s*dark"/);
    }

    await watchFirstPaint(page);
    await page.goto("/settings/profile");
    await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
    await page.waitForLoadState("load");
    expect(await firstPaint(page)).toEqual({ backgroundAtLoad: DARK_BG, changesAfterLoad: [] });

    await page.reload();
    await page.waitForLoadState("load");
    expect(await firstPaint(page)).toEqual({ backgroundAtLoad: DARK_BG, changesAfterLoad: [] });

    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Preferences" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Preferences" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
    expect(await bodyBackground(page)).toBe(DARK_BG);
    expect((await firstPaint(page)).changesAfterLoad).toEqual([]);
  });

  test("a light user on a dark device stays light", async ({ page, users, prisma }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await signInPage(page, await userWithTheme(users, prisma, "light"));
    const tag = await serverHtmlTag(page, "/settings/preferences");
    expect(tag).toContain('data-theme="light"');
    expect(tag).toMatch(/style="color-scheme:\s*light"/);
    await watchFirstPaint(page);
    await page.goto("/settings/preferences");
    await page.waitForLoadState("load");
    expect(await firstPaint(page)).toEqual({ backgroundAtLoad: LIGHT_BG, changesAfterLoad: [] });
  });
});

for (const themeMode of ["system", null] as const) {
  test(`theme ${JSON.stringify(themeMode)} follows the device, live, without a reload`, async ({ page, users, prisma }) => {
    await signInPage(page, await userWithTheme(users, prisma, themeMode));
    const tag = await serverHtmlTag(page, "/settings/profile");
    expect(tag).toContain('data-theme="system"');
    expect(tag).toMatch(/style="color-scheme:\s*light dark"/);

    await page.emulateMedia({ colorScheme: "dark" });
    await watchFirstPaint(page);
    await page.goto("/settings/profile");
    await page.waitForLoadState("load");
    expect(await firstPaint(page)).toEqual({ backgroundAtLoad: DARK_BG, changesAfterLoad: [] });

    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(() => bodyBackground(page)).toBe(LIGHT_BG);
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => bodyBackground(page)).toBe(DARK_BG);
    expect((await firstPaint(page)).changesAfterLoad).toEqual([]);
  });
}

test("signed-out pages follow the device", async ({ page }) => {
  const tag = await serverHtmlTag(page, "/signin");
  expect(tag).not.toMatch(/data-theme="(light|dark)"/);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/signin");
  expect(await bodyBackground(page)).toBe(DARK_BG);
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => bodyBackground(page)).toBe(LIGHT_BG);
});

test.describe("the theme picker", () => {
  test.use({ colorScheme: "light" });

  test("switches the whole page at once, saves, and the next page load arrives in it", async ({ page, prisma, userApi, account }) => {
    await signInPage(page, account);
    await page.goto("/settings/preferences");
    const group = page.getByRole("group", { name: "Theme" });
    await expect(group.getByRole("radio", { name: "System" })).toBeChecked();
    await expect(group.getByText("Follows your device's light or dark setting")).toBeVisible();

    const saved = page.waitForResponse((response) => response.request().method() === "PATCH" && response.url().endsWith("/api/users/@me"));
    await group.getByRole("radio", { name: "Dark" }).check();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await bodyBackground(page)).toBe(DARK_BG);
    const response = await saved;
    expect(response.request().postDataJSON()).toEqual({ theme_mode: "dark" });
    await expect(page.locator("#theme-status")).toHaveText("Saved");
    expect((await (await userApi.get("/api/users/@me")).json()).theme_mode).toBe("dark");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).themeMode).toBe("dark");

    expect(await serverHtmlTag(page, "/settings/profile")).toContain('data-theme="dark"');
    await page.reload();
    await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
    expect(await bodyBackground(page)).toBe(DARK_BG);
  });

  test("arrow keys move through the themes and save each one", async ({ page, account, prisma }) => {
    await signInPage(page, account);
    await page.goto("/settings/preferences");
    await page.getByRole("radio", { name: "System" }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "Light" })).toBeChecked();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await expect(page.locator("#theme-status")).toHaveText("Saved");
    await expect.poll(async () => (await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).themeMode).toBe("light");
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
    await expect.poll(async () => (await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).themeMode).toBe("dark");
  });

  for (const failure of ["a 500", "a network failure"] as const) {
    test(`a save that meets ${failure} puts the saved theme back and says so`, async ({ page, users, prisma }) => {
      const user = await userWithTheme(users, prisma, "light");
      await signInPage(page, user);
      await page.goto("/settings/preferences");
      await page.route("**/api/users/@me", (route) => {
        if (route.request().method() !== "PATCH") return route.continue();
        return failure === "a 500"
          ? route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ type: "server_error", code: "error", detail: "A server error occurred.", attr: null }) })
          : route.abort("connectionreset");
      });
      // click, not check: the rollback can land before check() looks at the radio.
      await page.getByRole("radio", { name: "Dark" }).click();
      await expect(page.locator("#theme-status")).toHaveText("Couldn't save — try again.");
      await expect(page.getByRole("radio", { name: "Light" })).toBeChecked();
      await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
      expect(await bodyBackground(page)).toBe(LIGHT_BG);
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).themeMode).toBe("light");

      await page.unroute("**/api/users/@me");
      await page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Retry" }).click();
      await expect(page.locator("#theme-status")).toHaveText("Saved");
      await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).themeMode).toBe("dark");
    });
  }
});

test("a theme saved in one tab repaints the other open tabs", async ({ page, context, account }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await signInPage(page, account);
  const other = await context.newPage();
  await other.emulateMedia({ colorScheme: "light" });
  await other.goto("/settings/profile");
  await page.goto("/settings/preferences");
  await page.getByRole("radio", { name: "Dark" }).check();
  await expect(page.locator("#theme-status")).toHaveText("Saved");
  await expect(other.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await bodyBackground(other)).toBe(DARK_BG);
});
