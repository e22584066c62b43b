import type { APIRequestContext, Page } from "@playwright/test";
import { NOTIFICATION_DEFAULTS } from "@/lib/users/notification-settings";
import { APP_NAME } from "../playwright.config";
import { expect, test } from "./support/fixtures";
import { signInPage } from "./support/browser";

/** Waits for the page's next PATCH of the signed-in user and returns the body it sent. */
async function nextPatch(page: Page, act: () => Promise<unknown>): Promise<unknown> {
  const response = page.waitForResponse((candidate) => candidate.request().method() === "PATCH" && candidate.url().endsWith("/api/users/@me"));
  await act();
  const answered = await response;
  expect(answered.status()).toBe(200);
  return answered.request().postDataJSON();
}

async function me(api: APIRequestContext) {
  const response = await api.get("/api/users/@me");
  expect(response.status()).toBe(200);
  return response.json();
}

test.beforeEach(async ({ page, account }) => {
  await signInPage(page, account);
  await page.goto("/settings/preferences");
});

test("one h1, a linkable h2 per card, and every control named by its label", async ({ page }) => {
  await expect(page).toHaveTitle(`Preferences · Settings · ${APP_NAME}`);
  await expect(page.locator("h1")).toHaveText("Preferences");
  for (const name of ["Appearance", "Toolbar, shortcuts and hints", "Email notifications", "Weekly digests", "Privacy", "About your work"]) {
    await expect(page.getByRole("region", { name })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name })).toHaveAttribute("id", /.+/);
  }
  await expect(page.getByRole("group", { name: "Theme" }).getByRole("radio")).toHaveCount(3);
  await expect(page.getByRole("group", { name: "Shortcut position" }).getByRole("radio")).toHaveCount(3);
  await expect(page.getByRole("combobox", { name: "Your role" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Data pipeline error alert threshold" })).toHaveValue("1");
});

test("a notification switch saves only its key, and survives a reload", async ({ page, userApi, prisma, account }) => {
  const mentions = page.getByRole("switch", { name: "Email me when I'm mentioned" });
  await expect(mentions).toBeChecked();
  expect(await nextPatch(page, () => mentions.click())).toEqual({ notification_settings: { discussions_mentioned: false } });
  await expect(mentions).not.toBeChecked();
  await expect(page.locator("#pref-notify-mentions-status")).toHaveText("Saved");

  expect((await me(userApi)).notification_settings).toEqual({ ...NOTIFICATION_DEFAULTS, discussions_mentioned: false });
  expect((await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).notificationSettings).toEqual({ discussions_mentioned: false });
  await page.reload();
  await expect(page.getByRole("switch", { name: "Email me when I'm mentioned" })).not.toBeChecked();
});

test("two tabs changing two notification keys keep both changes", async ({ page, context, userApi }) => {
  const other = await context.newPage();
  await other.goto("/settings/preferences");
  await nextPatch(page, () => page.getByRole("switch", { name: "Email me when a materialized view fails to sync" }).click());
  await nextPatch(other, () => other.getByRole("switch", { name: "Email me when a project API key is exposed" }).click());
  expect((await me(userApi)).notification_settings).toMatchObject({ materialized_view_sync_failed: true, project_api_key_exposed: false });
});

test("every notification switch round-trips, worded so that on means the email is sent", async ({ page, userApi }) => {
  const switches = [
    ["Email me when an error tracking issue is assigned to me", "error_tracking_issue_assigned", false],
    ["Email me when a data pipeline destination is turned off", "plugin_disabled", false],
    ["Email me when a materialized view fails to sync", "materialized_view_sync_failed", true],
    ["Email me when a project API key is exposed", "project_api_key_exposed", false],
    ["Email me the error tracking digest", "error_tracking_weekly_digest", false],
    ["Email me the web analytics digest", "web_analytics_weekly_digest", false],
  ] as const;
  for (const [name, key, stored] of switches) {
    const control = page.getByRole("switch", { name });
    await expect(control, name).toBeChecked({ checked: !stored });
    expect(await nextPatch(page, () => control.click())).toEqual({ notification_settings: { [key]: stored } });
  }
  const expected = Object.fromEntries(switches.map(([, key, stored]) => [key, stored]));
  expect((await me(userApi)).notification_settings).toEqual({ ...NOTIFICATION_DEFAULTS, ...expected });
  await page.reload();
  for (const [name, , stored] of switches) await expect(page.getByRole("switch", { name }), name).toBeChecked({ checked: stored });
});

test("the weekly digest switch is the negation of all_weekly_digest_disabled, and off greys out every project", async ({ page, userApi }) => {
  const digest = page.getByRole("switch", { name: "Email me the weekly digest" });
  const project = page.getByRole("switch", { name: "Default project" });
  await expect(digest).toBeChecked();
  await expect(project).toBeEnabled();

  expect(await nextPatch(page, () => digest.click())).toEqual({ notification_settings: { all_weekly_digest_disabled: true } });
  await expect(project).toBeDisabled();
  await expect(page.getByText("Turn on the weekly digest to choose projects.")).toBeVisible();
  expect((await me(userApi)).notification_settings.all_weekly_digest_disabled).toBe(true);

  await page.reload();
  await expect(page.getByRole("switch", { name: "Email me the weekly digest" })).not.toBeChecked();
  await expect(page.getByRole("switch", { name: "Default project" })).toBeDisabled();
  expect(await nextPatch(page, () => page.getByRole("switch", { name: "Email me the weekly digest" }).click())).toEqual({
    notification_settings: { all_weekly_digest_disabled: false },
  });
  await expect(page.getByRole("switch", { name: "Default project" })).toBeEnabled();
});

test("a project's digest switch writes its team id into the map", async ({ page, userApi, account }) => {
  const project = page.getByRole("switch", { name: "Default project" });
  await expect(page.getByRole("group", { name: /Projects in the digest/ })).toContainText("Default project");
  expect(await nextPatch(page, () => project.click())).toEqual({ notification_settings: { project_weekly_digest_disabled: { [String(account.teamId)]: true } } });
  await expect(project).not.toBeChecked();
  expect((await me(userApi)).notification_settings.project_weekly_digest_disabled).toEqual({ [String(account.teamId)]: true });
  await page.reload();
  await expect(page.getByRole("switch", { name: "Default project" })).not.toBeChecked();

  expect(await nextPatch(page, () => page.getByRole("switch", { name: "Default project" }).click())).toEqual({
    notification_settings: { project_weekly_digest_disabled: { [String(account.teamId)]: false } },
  });
  expect((await me(userApi)).notification_settings.project_weekly_digest_disabled).toEqual({ [String(account.teamId)]: false });
});

test("the organization join email writes the organization id into its map", async ({ page, userApi, account }) => {
  const join = page.getByRole("switch", { name: /Email me when someone joins/ });
  await expect(join).toBeChecked();
  expect(await nextPatch(page, () => join.click())).toEqual({ notification_settings: { organization_member_join_email_disabled: { [account.organizationId]: true } } });
  expect((await me(userApi)).notification_settings.organization_member_join_email_disabled).toEqual({ [account.organizationId]: true });
});

test("the error threshold takes a percentage, refuses what the API would, and saves on Enter", async ({ page, userApi }) => {
  const field = page.getByRole("textbox", { name: "Data pipeline error alert threshold" });
  let patches = 0;
  page.on("request", (request) => {
    if (request.method() === "PATCH") patches += 1;
  });
  for (const [typed, message] of [
    ["150", "Enter a percentage from 0 to 100."],
    ["-1", "Enter a percentage from 0 to 100."],
    ["lots", "Enter a number, such as 1 or 2.5."],
    ["", "Enter a percentage from 0 to 100."],
  ] as const) {
    await field.fill(typed);
    await field.press("Enter");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#pref-error-threshold-error")).toHaveText(message);
    expect(await field.getAttribute("aria-describedby")).toContain("pref-error-threshold-error");
  }
  expect(patches).toBe(0);

  await field.fill("2.5");
  expect(await nextPatch(page, () => field.press("Enter"))).toEqual({ notification_settings: { data_pipeline_error_threshold: 0.025 } });
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#pref-error-threshold-status")).toHaveText("Saved");
  expect((await me(userApi)).notification_settings.data_pipeline_error_threshold).toBe(0.025);

  await page.reload();
  await expect(page.getByRole("textbox", { name: "Data pipeline error alert threshold" })).toHaveValue("2.5");
  await page.getByRole("textbox", { name: "Data pipeline error alert threshold" }).fill("0");
  expect(await nextPatch(page, () => page.getByRole("textbox", { name: "Data pipeline error alert threshold" }).blur())).toEqual({
    notification_settings: { data_pipeline_error_threshold: 0 },
  });
});

test("each other preference round-trips through the API and a reload", async ({ page, userApi }) => {
  expect(await nextPatch(page, () => page.getByRole("switch", { name: "Show the toolbar" }).click())).toEqual({ toolbar_mode: "disabled" });
  expect(await nextPatch(page, () => page.getByRole("group", { name: "Shortcut position" }).getByRole("radio", { name: "Below" }).check())).toEqual({
    shortcut_position: "below",
  });
  expect(await nextPatch(page, () => page.getByRole("switch", { name: "Suggest items for the sidebar" }).click())).toEqual({ allow_sidebar_suggestions: true });
  expect(await nextPatch(page, () => page.getByRole("switch", { name: "Show hints" }).click())).toEqual({ hide_mcp_hints: true });
  expect(await nextPatch(page, () => page.getByRole("switch", { name: "Anonymize my usage data" }).click())).toEqual({ anonymize_data: true });
  expect(await nextPatch(page, () => page.getByRole("switch", { name: "Let support staff sign in as me" }).click())).toEqual({ allow_impersonation: false });
  expect(await nextPatch(page, () => page.getByRole("combobox", { name: "Your role" }).selectOption("Founder"))).toEqual({ role_at_organization: "founder" });

  expect(await me(userApi)).toMatchObject({
    toolbar_mode: "disabled",
    shortcut_position: "below",
    allow_sidebar_suggestions: true,
    hide_mcp_hints: true,
    anonymize_data: true,
    allow_impersonation: false,
    role_at_organization: "founder",
  });

  await page.reload();
  await expect(page.getByRole("switch", { name: "Show the toolbar" })).not.toBeChecked();
  await expect(page.getByRole("radio", { name: "Below" })).toBeChecked();
  await expect(page.getByRole("switch", { name: "Suggest items for the sidebar" })).toBeChecked();
  await expect(page.getByRole("switch", { name: "Show hints" })).not.toBeChecked();
  await expect(page.getByRole("switch", { name: "Anonymize my usage data" })).toBeChecked();
  await expect(page.getByRole("switch", { name: "Let support staff sign in as me" })).not.toBeChecked();
  await expect(page.getByRole("combobox", { name: "Your role" })).toHaveValue("founder");

  expect(await nextPatch(page, () => page.getByRole("switch", { name: "Show the toolbar" }).click())).toEqual({ toolbar_mode: "toolbar" });
  expect(await nextPatch(page, () => page.getByRole("switch", { name: "Let support staff sign in as me" }).click())).toEqual({ allow_impersonation: true });
  expect(await me(userApi)).toMatchObject({ toolbar_mode: "toolbar", allow_impersonation: true });
});

test("a switch whose save fails flips back, says so next to it, and Retry saves it", async ({ page, userApi }) => {
  await page.route("**/api/users/@me", (route) =>
    route.request().method() === "PATCH"
      ? route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ type: "server_error", code: "service_unavailable", detail: "Down.", attr: null }) })
      : route.continue(),
  );
  const hints = page.getByRole("switch", { name: "Show hints" });
  await hints.click();
  await expect(page.locator("#pref-mcp-hints-status")).toHaveText("Couldn't save — try again.");
  await expect(hints).toBeChecked();
  expect((await me(userApi)).hide_mcp_hints).toBe(false);

  await page.unroute("**/api/users/@me");
  expect(await nextPatch(page, () => page.locator(".setting-row", { has: hints }).getByRole("button", { name: "Retry" }).click())).toEqual({ hide_mcp_hints: true });
  await expect(hints).not.toBeChecked();
  await expect(page.locator("#pref-mcp-hints-status")).toHaveText("Saved");
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the server paints every card with the saved values", async ({ page, account, prisma }) => {
    await prisma.user.update({
      where: { id: account.id },
      data: { themeMode: "dark", shortcutPosition: "hidden", toolbarMode: "disabled", roleAtOrganization: "data", notificationSettings: { discussions_mentioned: false, data_pipeline_error_threshold: 0.2 } },
    });
    await page.goto("/settings/preferences");
    await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
    await expect(page.getByRole("radio", { name: "Hidden" })).toBeChecked();
    await expect(page.getByRole("switch", { name: "Show the toolbar" })).not.toBeChecked();
    await expect(page.getByRole("switch", { name: "Email me when I'm mentioned" })).not.toBeChecked();
    await expect(page.getByRole("textbox", { name: "Data pipeline error alert threshold" })).toHaveValue("20");
    await expect(page.getByRole("combobox", { name: "Your role" })).toHaveValue("data");
    await expect(page.locator(".skeleton")).toHaveCount(0);
  });
});

test("the server-rendered page hydrates without a mismatch or a refetch, and its first change saves", async ({ page, account, prisma }) => {
  await prisma.user.update({ where: { id: account.id }, data: { themeMode: "dark", shortcutPosition: "below" } });
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  let meReads = 0;
  page.on("request", (request) => {
    if (request.method() === "GET" && new URL(request.url()).pathname === "/api/users/@me") meReads += 1;
  });
  await page.goto("/settings/preferences");
  await expect(page.getByRole("radio", { name: "Below" })).toBeChecked();
  expect(await nextPatch(page, () => page.getByRole("switch", { name: "Show hints" }).click())).toEqual({ hide_mcp_hints: true });
  expect(meReads).toBe(0);
  expect(problems).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("every card fits the width: nothing scrolls sideways", async ({ page }) => {
    await expect(page.getByRole("heading", { level: 1, name: "Preferences" })).toBeVisible();
    const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.content).toBeLessThanOrEqual(widths.viewport);
    const hints = page.getByRole("switch", { name: "Show hints" });
    await hints.scrollIntoViewIfNeeded();
    await hints.click();
    await expect(page.locator("#pref-mcp-hints-status")).toHaveText("Saved");
  });
});
