import type { Page } from "@playwright/test";
import { apiAs, expect, test } from "./support/fixtures";
import { signInPage } from "./support/browser";
import type { AppPrismaClient } from "@/lib/db/create-client";

const NEW_PASSWORD = "a quiet tundra lantern at dawn";

/** Makes every session of the user look as if it signed in long ago: secure mode has ended. */
async function ageSessions(prisma: AppPrismaClient, userId: number) {
  await prisma.session.updateMany({ where: { userId }, data: { authenticatedAt: new Date(Date.now() - 3 * 60 * 60 * 1000) } });
}

function reauthDialog(page: Page) {
  return page.getByRole("dialog", { name: "Confirm it's you" });
}

test("an old sign-in changing the password: the dialog asks for it, then the change goes through without a second click", async ({ page, account, prisma }) => {
  await signInPage(page, account);
  await ageSessions(prisma, account.id);
  await page.goto("/settings/security");
  await expect(page.getByRole("region", { name: "Secure mode" })).toContainText("Secure mode is off");

  const card = page.getByRole("region", { name: "Password" });
  await page.getByLabel("Current password", { exact: true }).fill(account.password);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await card.getByRole("button", { name: "Change password" }).click();

  const dialog = reauthDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Password", { exact: true }).fill("not my password");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("That password or code is not right.");
  await dialog.getByLabel("Password", { exact: true }).fill(account.password);
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByRole("status")).toContainText("Password changed.");
  await expect(page.getByRole("region", { name: "Secure mode" })).toContainText("Secure mode until");
  const again = await apiAs({ email: account.email, password: NEW_PASSWORD });
  await again.dispose();
});

test("cancelling the dialog leaves the form as it was and changes nothing", async ({ page, account, prisma }) => {
  await signInPage(page, account);
  await ageSessions(prisma, account.id);
  await page.goto("/settings/profile");
  await page.getByLabel("First name").fill("Mallory");
  await page.getByRole("button", { name: "Save" }).click();
  await reauthDialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(reauthDialog(page)).toBeHidden();
  await expect(page.getByLabel("First name")).toHaveValue("Mallory");
  await expect(page.getByRole("alert").filter({ hasText: "needs a recent sign-in" })).toBeVisible();
  expect((await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).firstName).not.toBe("Mallory");
});

test("Lock now ends secure mode for this browser; Turn on asks for the password", async ({ page, account }) => {
  await signInPage(page, account);
  await page.goto("/settings/security");
  const card = page.getByRole("region", { name: "Secure mode" });
  await expect(card).toContainText("Secure mode until");
  await card.getByRole("button", { name: "Lock now" }).click();
  await expect(card).toContainText("Secure mode is off");
  await card.getByRole("button", { name: "Turn on" }).click();
  await reauthDialog(page).getByLabel("Password", { exact: true }).fill(account.password);
  await reauthDialog(page).getByRole("button", { name: "Confirm" }).click();
  await expect(card).toContainText("Secure mode until");
});
