import { expect, test } from "./support/fixtures";
import { signInPage } from "./support/browser";
import { awayFromStepEdge, totpCode } from "./support/two-factor";

test("the check-up flags two-factor off with a link to fix it, and clears once it is turned on", async ({ page, account }) => {
  await signInPage(page, account);
  await page.goto("/settings/security");
  const checkup = page.getByRole("region", { name: "Security check-up" });
  await expect(checkup).toContainText("Needs attention");
  const item = checkup.getByRole("listitem").filter({ hasText: "Two-factor authentication off" });
  await expect(item).toBeVisible();
  await expect(item.getByRole("link", { name: "Fix: Two-factor authentication off" })).toHaveAttribute("href", "/settings/security#two-factor");

  const card = page.getByRole("region", { name: "Two-factor authentication" });
  await card.getByRole("button", { name: "Set up two-factor" }).click();
  const dialog = page.getByRole("dialog", { name: "Scan the QR code" });
  await dialog.getByText("Can't scan it? Type the key instead").click();
  const secret = ((await dialog.getByTestId("two-factor-secret").textContent()) ?? "").replace(/\s/g, "");
  await dialog.getByRole("button", { name: "Next: enter a code" }).click();
  await awayFromStepEdge();
  await page.getByRole("dialog", { name: "Enter the code from your app" }).getByLabel("6-digit code").fill(await totpCode(secret));
  await expect(page.getByRole("dialog", { name: "Save your backup codes" })).toBeVisible();

  await expect(checkup.getByRole("listitem").filter({ hasText: "Two-factor authentication on" })).toBeVisible();
  await expect(checkup).not.toContainText("Needs attention");
});
