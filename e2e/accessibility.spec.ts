import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { SAME_ORIGIN, expect, test } from "./support/fixtures";
import { signInPage } from "./support/browser";
import { enableTwoFactor } from "./support/two-factor";

const SIGNED_IN_PAGES = ["/settings/profile", "/settings/preferences", "/settings/hedgehog", "/settings/security", "/settings/api-keys", "/settings/integrations", "/settings/activity", "/admin/users", "/admin/audit"];

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`WCAG 2.2 AA in the ${colorScheme} theme`, () => {
    test.use({ colorScheme, reducedMotion: "reduce" });

    test("sign-in, sign-up, forgot-password and reset pages", async ({ page }) => {
      for (const path of ["/signin", "/signup", "/forgot-password", "/reset/not-a-real-link"]) {
        await page.goto(path);
        await expect(page.locator("h1")).toHaveCount(1);
        expect(await seriousViolations(page), path).toEqual([]);
      }
    });

    for (const path of SIGNED_IN_PAGES) {
      test(`${path}, signed in as staff`, async ({ page, staff }) => {
        await signInPage(page, staff);
        await page.goto(path);
        await expect(page.locator("h1")).toHaveCount(1);
        await page.waitForLoadState("networkidle");
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test("a user's admin page and its delete dialog, signed in as staff", async ({ page, staff, other }) => {
      await signInPage(page, staff);
      await page.goto(`/admin/users/${other.uuid}`);
      await expect(page.locator("h1")).toHaveCount(1);
      await page.waitForLoadState("networkidle");
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("region", { name: "Delete user" }).getByRole("button", { name: "Delete user", exact: true }).click();
      await expect(page.getByRole("alertdialog")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the integrations page with a connected installation, a repository chosen and the remove dialog", async ({ page, account }) => {
      await signInPage(page, account);
      await page.goto("/settings/integrations");
      await page.getByRole("button", { name: "Connect GitHub" }).click();
      await page.getByRole("button", { name: "Install on octocat" }).click();
      await expect(page).toHaveURL(/github_link_success=1/);
      await page.getByRole("button", { name: "octocat/hello-world" }).click();
      await expect(page.getByRole("combobox", { name: "Branches of octocat/hello-world" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Remove octocat" }).click();
      await expect(page.getByRole("alertdialog")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the preferences page opted in to signals, with a mobile device", async ({ page, account, userApi }) => {
      expect((await userApi.post("/api/users/@me/push_tokens/", { data: { token: `a11y-device-token-${account.id}`, platform: "android" }, headers: SAME_ORIGIN })).status()).toBe(201);
      await signInPage(page, account);
      await page.goto("/settings/preferences");
      await page.getByRole("switch", { name: "Signal autonomy" }).click();
      await expect(page.getByRole("combobox", { name: "Start on their own from" })).toBeVisible();
      await page.getByRole("textbox", { name: "Slack channel" }).fill("not a channel");
      await page.getByRole("button", { name: "Save channel" }).click();
      await expect(page.getByRole("region", { name: "Signals" }).getByRole("alert")).toBeVisible();
      await expect(page.getByRole("list", { name: "Mobile devices" }).getByRole("listitem")).toHaveCount(1);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the re-authentication dialog with a wrong password", async ({ page, account, prisma }) => {
      await signInPage(page, account);
      await prisma.session.updateMany({ where: { userId: account.id }, data: { authenticatedAt: new Date(0) } });
      await page.goto("/settings/security");
      await page.getByRole("region", { name: "Secure mode" }).getByRole("button", { name: "Turn on" }).click();
      const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
      await dialog.getByLabel("Password", { exact: true }).fill("not my password");
      await dialog.getByRole("button", { name: "Confirm" }).click();
      await expect(dialog.getByRole("alert")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the security page asking for the organization's enforced two-factor", async ({ page, users }) => {
      await signInPage(page, await users.create({ enforce2fa: true }));
      await page.goto("/settings/profile");
      await expect(page.getByText("Your organization requires two-factor authentication")).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the credential review interstitial", async ({ page, users, prisma }) => {
      const member = await users.create();
      await prisma.user.update({ where: { id: member.id }, data: { requiresCredentialReview: true } });
      await signInPage(page, member);
      await page.goto("/settings/profile");
      await expect(page.getByRole("heading", { name: "Review your credentials", level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the hedgehog page with the avatar previews, a field error and the game running", async ({ page, account }) => {
      await signInPage(page, account);
      await page.goto("/settings/hedgehog");
      await page.getByRole("switch", { name: "Use as my profile picture" }).check();
      await page.route("**/api/users/@me/hedgehog_config/", (route) =>
        route.fulfill({
          status: 400,
          contentType: "application/json",
          body: JSON.stringify({ type: "validation_error", code: "invalid_choice", detail: "This skin is not available.", attr: "actor_options__skin" }),
        }),
      );
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByRole("group", { name: "Skin" })).toHaveAttribute("aria-invalid", "true");
      await page.getByRole("button", { name: "Let it play" }).click();
      await expect(page.getByTestId("hedgehog-game")).toHaveAttribute("data-state", "playing", { timeout: 20_000 });
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the profile form showing field errors", async ({ page, account }) => {
      await signInPage(page, account);
      await page.goto("/settings/profile");
      await page.getByLabel("First name").fill("x".repeat(151));
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByLabel("First name")).toHaveAttribute("aria-invalid", "true");
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the preferences page in the other saved theme, with a refused threshold and a failed save", async ({ page, account, prisma }) => {
      // The saved theme, not the device, decides: the page is checked in the opposite one as well.
      await prisma.user.update({ where: { id: account.id }, data: { themeMode: colorScheme === "light" ? "dark" : "light" } });
      await signInPage(page, account);
      await page.goto("/settings/preferences");
      await page.waitForLoadState("networkidle");
      expect(await seriousViolations(page), "saved theme").toEqual([]);
      const threshold = page.getByRole("textbox", { name: "Data pipeline error alert threshold" });
      await threshold.fill("500");
      await threshold.press("Enter");
      await expect(threshold).toHaveAttribute("aria-invalid", "true");
      await page.route("**/api/users/@me", (route) => (route.request().method() === "PATCH" ? route.abort("connectionreset") : route.continue()));
      await page.getByRole("switch", { name: "Show hints" }).click();
      await expect(page.locator("#pref-mcp-hints-status")).toHaveText("Couldn't save — try again.");
      await page.getByRole("switch", { name: "Email me the weekly digest" }).click();
      await expect(page.locator("#pref-digest-all-status")).toHaveText("Couldn't save — try again.");
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the password card with a field error and each meter level", async ({ page, account }) => {
      await signInPage(page, account);
      await page.goto("/settings/security");
      const card = page.getByRole("region", { name: "Password" });
      await page.getByLabel("Current password", { exact: true }).fill("not-the-password");
      for (const [typed, said] of [["short", "Not allowed"], ["v8#Qm-tundra", "Allowed"], ["a quiet tundra lantern at dawn", "Strong"]] as const) {
        await page.getByLabel("New password", { exact: true }).fill(typed);
        await expect(card.getByText(`Strength: ${said}`, { exact: false })).toBeVisible();
        expect(await seriousViolations(page), said).toEqual([]);
      }
      await card.getByRole("button", { name: "Change password" }).click();
      await expect(page.getByLabel("Current password", { exact: true })).toHaveAttribute("aria-invalid", "true");
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the two-factor setup dialog, key shown", async ({ page, account }) => {
      await signInPage(page, account);
      await page.goto("/settings/security");
      await page.getByRole("button", { name: "Set up two-factor" }).click();
      const dialog = page.getByRole("dialog", { name: "Scan the QR code" });
      await expect(dialog.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
      await dialog.getByText("Can't scan it? Type the key instead").click();
      await expect(dialog.getByTestId("two-factor-secret")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("sign-in's two-factor step", async ({ page, account, users }) => {
      await enableTwoFactor(await users.signIn(account));
      await page.goto("/signin");
      await page.getByLabel("Email").fill(account.email);
      await page.getByLabel("Password").fill(account.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByLabel("Authentication code")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
