import { randomUUID } from "node:crypto";
import { PASSWORD, expect, test } from "./support/fixtures";
import { signInPage } from "./support/browser";
import { APP_NAME } from "../playwright.config";

// Every test deletes its users afterwards, so the instance holds far fewer than one page (50).
test("staff see the Admin link and every user in the admin table", async ({ page, staff, other }) => {
  await signInPage(page, staff);
  await page.goto("/settings/profile");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: staff.email })).toContainText("Staff");
  await expect(rows.filter({ hasText: other.email })).toContainText("No");
  await expect(page.getByText(/^1–\d+ of \d+$/)).toBeVisible();
});

test("a regular user has no Admin link and the admin page is a 404", async ({ page, account }) => {
  await signInPage(page, account);
  await page.goto("/settings/profile");
  const nav = page.getByRole("navigation", { name: "Settings" });
  for (const name of ["Profile", "Preferences", "Security", "Activity", "API keys", "Integrations"]) {
    await expect(nav.getByRole("link", { name })).toBeVisible();
  }
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
});

test("every settings page has its own title and exactly one h1", async ({ page, account }) => {
  await signInPage(page, account);
  const titles = new Set<string>();
  for (const path of ["/settings/profile", "/settings/preferences", "/settings/security", "/settings/activity", "/settings/api-keys", "/settings/integrations"]) {
    await page.goto(path);
    await expect(page.locator("h1")).toHaveCount(1);
    titles.add(await page.title());
  }
  expect(titles.size).toBe(6);
});

test("staff find the outbox in the navigation, inside the app shell, with the welcome mail", async ({ page, anonApi, users, staff }) => {
  const email = `outbox-${randomUUID()}@example.test`;
  users.track(email);
  expect((await anonApi.post("/api/signup", { data: { email, password: PASSWORD, first_name: "Mail" } })).status()).toBe(201);
  await signInPage(page, staff);
  await page.goto("/settings/profile");
  const nav = page.getByRole("navigation", { name: "Settings" });
  await nav.getByRole("link", { name: "Outbox" }).click();
  await expect(page).toHaveURL(/\/dev\/outbox$/);
  await expect(nav.getByRole("link", { name: "Outbox" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page).toHaveTitle(`Outbox · Staff · ${APP_NAME}`);
  await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: email })).toContainText(`${APP_NAME}: Welcome! Confirm your email address`);
});

test("the outbox holds everyone's mail: a regular user has no link and gets a 404", async ({ page, account }) => {
  await signInPage(page, account);
  await page.goto("/settings/profile");
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Outbox" })).toHaveCount(0);
  const response = await page.goto("/dev/outbox");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page).not.toHaveTitle(/Outbox/);
});

test("pages carry a Content-Security-Policy and run without violating it", async ({ page, account }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInPage(page, account);
  const response = await page.goto("/settings/profile");
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  await page.getByLabel("First name").fill("Csp");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved" })).toBeVisible();
  expect(violations).toEqual([]);
});
