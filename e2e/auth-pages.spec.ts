import { randomUUID } from "node:crypto";
import { APP_NAME } from "../playwright.config";
import { PASSWORD, expect, test } from "./support/fixtures";

test("a new person signs up, lands on their profile, signs out and back in", async ({ page, users }) => {
  const email = `signup-${randomUUID()}@example.test`;
  users.track(email);
  await page.goto("/signup");
  await expect(page).toHaveTitle(`Sign up · ${APP_NAME}`);
  await expect(page.getByRole("banner").getByRole("link", { name: APP_NAME })).toBeVisible();
  await page.getByLabel("First name").fill("Hedgy");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  await expect(page.getByLabel("First name")).toHaveValue("Hedgy");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await page.goto("/settings/profile");
  await expect(page).toHaveURL(/\/signin\?next=%2Fsettings%2Fprofile/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Incorrect email or password.")).toBeVisible();

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(page.getByLabel("First name")).toHaveValue("Hedgy");
});

test("sign-up shows the server's field errors: a taken email and a common password", async ({ page, account: existing }) => {
  await page.goto("/signup");
  await page.getByLabel("First name").fill("Copy");
  await page.getByLabel("Email").fill(existing.email.toUpperCase());
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  const email = page.getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await email.getAttribute("aria-describedby").then((ids) => ids?.split(" ").at(-1))}`)).toContainText(/already/i);

  await page.getByLabel("Email").fill(`fresh-${randomUUID()}@example.test`);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/too common/i).first()).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
});

test("sign-in refuses an open redirect in ?next=", async ({ page, account }) => {
  await page.goto("/signin?next=//evil.example/phish");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/settings\/profile$/);
});

test("an empty sign-up says what is missing in each field, and the password rule only once", async ({ page }) => {
  await page.goto("/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("First name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter your first name.")).toBeVisible();
  await expect(page.getByText("Enter a password.")).toBeVisible();
  await expect(page.getByText(/at least 8 characters/)).toHaveCount(1);
});
