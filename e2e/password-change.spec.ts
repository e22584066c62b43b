import type { Page } from "@playwright/test";
import { signInPage } from "./support/browser";
import { SAME_ORIGIN, apiAs, expect, signInAttempt, test } from "./support/fixtures";

const NEW_PASSWORD = "a quiet tundra lantern at dawn";

test.describe("PATCH /api/users/@me {password, current_password}", () => {
  test("a missing or wrong current password is a 400 naming it; nothing changes", async ({ account, userApi, prisma }) => {
    const before = await prisma.user.findUniqueOrThrow({ where: { id: account.id }, omit: { passwordHash: false } });
    const missing = await userApi.patch("/api/users/@me", { headers: SAME_ORIGIN, data: { password: NEW_PASSWORD } });
    expect(missing.status()).toBe(400);
    expect(await missing.json()).toMatchObject({ type: "validation_error", code: "required", attr: "current_password" });
    const wrong = await userApi.patch("/api/users/@me", { headers: SAME_ORIGIN, data: { current_password: "not-the-password", password: NEW_PASSWORD } });
    expect(wrong.status()).toBe(400);
    expect(await wrong.json()).toMatchObject({ type: "validation_error", code: "incorrect_password", attr: "current_password" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: account.id }, omit: { passwordHash: false } })).toEqual(before);
  });

  test("success keeps this session, ends the other, and only the new password signs in", async ({ account, users, anonApi }) => {
    const [here, there] = [await users.signIn(account), await users.signIn(account)];
    const response = await here.patch("/api/users/@me", { headers: SAME_ORIGIN, data: { current_password: account.password, password: NEW_PASSWORD } });
    expect(response.status()).toBe(200);
    expect(await response.json()).not.toHaveProperty("password");
    expect((await here.get("/api/users/@me")).status()).toBe(200);
    expect((await there.get("/api/users/@me")).status()).toBe(401);
    expect(await signInAttempt(anonApi, account.email, account.password)).toBe("CredentialsSignin");
    expect(await signInAttempt(anonApi, account.email, NEW_PASSWORD)).toBe("signed-in");
  });

  test("the 6th attempt within a minute is 429 with Retry-After, even with the right password", async ({ account, userApi }) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await userApi.patch("/api/users/@me", { headers: SAME_ORIGIN, data: { current_password: `wrong-${attempt}-guess`, password: NEW_PASSWORD } });
      expect(response.status()).toBe(400);
    }
    const refused = await userApi.patch("/api/users/@me", { headers: SAME_ORIGIN, data: { current_password: account.password, password: NEW_PASSWORD } });
    expect(refused.status()).toBe(429);
    expect(await refused.json()).toMatchObject({ type: "throttled_error", code: "throttled" });
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await userApi.patch("/api/users/@me", { headers: SAME_ORIGIN, data: { first_name: "Still" } })).status()).toBe(200);
  });

  test("another user's uuid is a 403, for staff too, and their row is unchanged", async ({ other, userApi, staffApi, prisma }) => {
    const before = await prisma.user.findUniqueOrThrow({ where: { id: other.id }, omit: { passwordHash: false } });
    for (const api of [userApi, staffApi]) {
      const response = await api.patch(`/api/users/${other.uuid}`, { headers: SAME_ORIGIN, data: { current_password: other.password, password: NEW_PASSWORD } });
      expect(response.status()).toBe(403);
      expect(await response.json()).toMatchObject({ type: "authentication_error", code: "permission_denied" });
    }
    expect(await prisma.user.findUniqueOrThrow({ where: { id: other.id }, omit: { passwordHash: false } })).toEqual(before);
  });
});

/** Puts `text` on the clipboard and pastes it into the field with the keyboard, as a person (or password manager) would. */
async function pasteInto(page: Page, label: string, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  const field = page.getByLabel(label, { exact: true });
  await field.focus();
  await page.keyboard.press("ControlOrMeta+V");
  await expect(field).toHaveValue(text);
}

test.describe("the Password card", () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  });

  test("a wrong current password shows under that field; success keeps this browser and ends the other", async ({ page, account, browser }) => {
    await signInPage(page, account);
    const elsewhere = await browser.newContext();
    await signInPage(await elsewhere.newPage(), account);
    await page.goto("/settings/security");
    const card = page.getByRole("region", { name: "Password" });
    await expect(card.locator('input[autocomplete="username"]')).toHaveValue(account.email);

    await pasteInto(page, "Current password", "not-the-password");
    await pasteInto(page, "New password", NEW_PASSWORD);
    await expect(card.getByText("Strength: Strong")).toBeVisible();
    await card.getByRole("button", { name: "Change password" }).click();
    const current = page.getByLabel("Current password", { exact: true });
    await expect(current).toHaveAttribute("aria-invalid", "true");
    await expect(card.getByText("Your current password is incorrect.")).toBeVisible();
    await expect(current).toBeFocused();

    await current.fill("");
    await pasteInto(page, "Current password", account.password);
    const toggle = card.getByRole("button", { name: "Show passwords" });
    await toggle.click();
    await expect(card.getByRole("button", { name: "Hide passwords" })).toHaveAttribute("aria-pressed", "true");
    await expect(current).toHaveAttribute("type", "text");
    await card.getByRole("button", { name: "Change password" }).click();
    await expect(card.getByRole("status")).toHaveText("Password changed. 1 other device was signed out.");
    await expect(current).toHaveValue("");
    await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");

    expect((await elsewhere.request.get("/api/users/@me")).status()).toBe(401);
    expect((await page.context().request.get("/api/users/@me")).status()).toBe(200);
    await elsewhere.close();
    const again = await apiAs({ email: account.email, password: NEW_PASSWORD });
    await again.dispose();
  });

  test("the meter says in words what the server would refuse", async ({ page, account }) => {
    await signInPage(page, account);
    await page.goto("/settings/security");
    const card = page.getByRole("region", { name: "Password" });
    const field = page.getByLabel("New password", { exact: true });
    await field.fill("short");
    await expect(card.getByText(/Strength: Not allowed\. This password is shorter than 8 characters\./)).toBeVisible();
    await field.fill("password123");
    await expect(card.getByText(/too common/)).toBeVisible();
    await field.fill("v8#Qm-tundra");
    await expect(card.getByText(/Strength: Allowed/)).toBeVisible();
    await expect(field).toHaveAccessibleDescription(/Strength: Allowed/);
  });

  test("too many attempts show a countdown instead of another try", async ({ page, account }) => {
    await signInPage(page, account);
    await page.goto("/settings/security");
    const card = page.getByRole("region", { name: "Password" });
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    const current = page.getByLabel("Current password", { exact: true });
    const submit = async () => {
      const answered = page.waitForResponse((response) => response.url().endsWith("/api/users/@me") && response.request().method() === "PATCH");
      await card.getByRole("button", { name: "Change password" }).click();
      return (await answered).status();
    };
    for (let attempt = 0; attempt < 5; attempt++) {
      await current.fill(`wrong-${attempt}-guess`);
      expect(await submit()).toBe(400);
    }
    await current.fill(account.password);
    expect(await submit()).toBe(429);
    await expect(card.getByRole("alert").filter({ hasText: /Too many attempts\. Try again in \d:\d\d\./ })).toBeVisible();
    await expect(card.getByRole("button", { name: "Change password" })).toHaveAttribute("aria-disabled", "true");
  });

  test("an account without a password gets the Set a password variant, without the current field", async ({ page, account, prisma }) => {
    await signInPage(page, account);
    await prisma.user.update({ where: { id: account.id }, data: { passwordHash: null } });
    await page.goto("/settings/security");
    const card = page.getByRole("region", { name: "Password" });
    await expect(card.getByRole("form", { name: "Set a password" })).toBeVisible();
    await expect(page.getByLabel("Current password", { exact: true })).toHaveCount(0);
    await pasteInto(page, "New password", NEW_PASSWORD);
    await expect(card.getByRole("button", { name: "Show password" })).toHaveAttribute("aria-pressed", "false");
    await card.getByRole("button", { name: "Set password" }).click();
    await expect(card.getByRole("status")).toHaveText("Password set. No other device was signed in.");
    await expect(card.getByRole("form", { name: "Change password" })).toBeVisible();
    await (await apiAs({ email: account.email, password: NEW_PASSWORD })).dispose();
  });

  test("pasting works in the sign-in and sign-up password fields too", async ({ page }) => {
    await page.goto("/signin");
    await pasteInto(page, "Password", NEW_PASSWORD);
    await page.goto("/signup");
    await pasteInto(page, "Password", NEW_PASSWORD);
  });
});
