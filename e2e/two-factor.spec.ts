import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { APP_NAME } from "../playwright.config";
import { signInPage } from "./support/browser";
import { SAME_ORIGIN, expect, signInAttempt, test, type TestUser } from "./support/fixtures";
import { awayFromStepEdge, enableTwoFactor, totpCode, wrongTotpCode } from "./support/two-factor";

const BACKUP_CODE = /^[a-z2-7]{4}-[a-z2-7]{4}$/;

const twoFactorCard = (page: Page) => page.getByRole("region", { name: "Two-factor authentication" });

async function expectFocusedHeading(dialog: Locator, name: string): Promise<void> {
  await expect(dialog.getByRole("heading", { name })).toBeFocused();
}

async function signInWithPassword(page: Page, account: TestUser): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test.describe("the Two-factor card", () => {
  test("sets up from the typed key, saves ten codes, and signs out the other devices", async ({ page, context, account, users }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signInPage(page, account);
    const laptop = await users.signIn(account);
    await page.goto("/settings/security");
    const card = twoFactorCard(page);
    await expect(card.getByText("Disabled", { exact: true })).toBeVisible();

    await card.getByRole("button", { name: "Set up two-factor" }).click();
    const dialog = page.getByRole("dialog", { name: "Scan the QR code" });
    await expect(dialog.getByText("Step 1 of 3")).toBeVisible();
    await expectFocusedHeading(dialog, "Scan the QR code");
    const qr = dialog.getByRole("img", { name: "QR code for your authenticator app" });
    await expect(qr).toBeVisible();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);

    await dialog.getByText("Can't scan it? Type the key instead").click();
    const shown = (await dialog.getByTestId("two-factor-secret").textContent()) ?? "";
    expect(shown).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const secret = shown.replace(/\s/g, "");
    await dialog.getByRole("button", { name: "Copy setup key" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    await dialog.getByRole("button", { name: "Next: enter a code" }).click();
    const confirmStep = page.getByRole("dialog", { name: "Enter the code from your app" });
    await expect(confirmStep.getByText("Step 2 of 3")).toBeVisible();
    await expectFocusedHeading(confirmStep, "Enter the code from your app");
    const codeInput = confirmStep.getByLabel("6-digit code");
    await expect(codeInput).toHaveAttribute("inputmode", "numeric");
    await expect(codeInput).toHaveAttribute("autocomplete", "one-time-code");

    // Six digits submit themselves: no button is pressed on this step.
    await codeInput.fill(await wrongTotpCode(secret));
    await expect(confirmStep.getByText(/That code didn't work.*clock/)).toBeVisible();
    expect((await (await page.context().request.get("/api/users/@me/two_factor_status")).json()).is_enabled).toBe(false);

    await awayFromStepEdge();
    const code = await totpCode(secret);
    // Pasted as the app shows it, with a space.
    await codeInput.fill(`${code.slice(0, 3)} ${code.slice(3)}`);

    const codesStep = page.getByRole("dialog", { name: "Save your backup codes" });
    await expect(codesStep.getByText("Step 3 of 3")).toBeVisible();
    await expectFocusedHeading(codesStep, "Save your backup codes");
    const shownCodes = await codesStep.getByRole("list", { name: "Backup codes" }).getByRole("listitem").allTextContents();
    expect(shownCodes).toHaveLength(10);
    for (const shownCode of shownCodes) expect(shownCode).toMatch(BACKUP_CODE);

    const [download] = await Promise.all([page.waitForEvent("download"), codesStep.getByRole("button", { name: "Download" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.txt$/);
    const text = await readFile((await download.path())!, "utf8");
    expect(text.split("\n").filter((line) => BACKUP_CODE.test(line))).toEqual(shownCodes);
    expect(text).toContain(account.email);
    expect(text).toContain(APP_NAME);
    expect(text).toMatch(/works once/);

    await codesStep.getByRole("button", { name: "Copy all" }).click();
    await expect(page.getByRole("status").filter({ hasText: "10 codes copied" })).toBeVisible();
    expect((await page.evaluate(() => navigator.clipboard.readText())).split("\n")).toEqual(shownCodes);

    await page.keyboard.press("Escape");
    await expect(codesStep).toBeVisible();
    await expect(codesStep.getByText("Close without saving your backup codes?")).toBeVisible();
    await codesStep.getByRole("button", { name: "Keep them open" }).click();
    await expect(codesStep.getByText("Close without saving your backup codes?")).toBeHidden();

    const finish = codesStep.getByRole("button", { name: "Finish" });
    await expect(finish).toBeDisabled();
    await codesStep.getByLabel("I have stored these codes safely").check();
    await finish.click();
    await expect(codesStep).toBeHidden();

    expect((await laptop.get("/api/users/@me")).status()).toBe(401);
    expect((await page.context().request.get("/api/users/@me")).status()).toBe(200);
    await page.reload();
    await expect(card.getByText("Enabled", { exact: true })).toBeVisible();
    await expect(card.getByText("Backup codes: 10 of 10 left")).toBeVisible();
    await expect(card.getByRole("button", { name: "Set up two-factor" })).toHaveCount(0);
  });

  test("an expired setup says so and starts again", async ({ page, account, prisma }) => {
    await signInPage(page, account);
    await page.goto("/settings/security");
    await twoFactorCard(page).getByRole("button", { name: "Set up two-factor" }).click();
    const dialog = page.getByRole("dialog", { name: "Scan the QR code" });
    await expect(dialog.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    await dialog.getByText("Can't scan it? Type the key instead").click();
    const secret = ((await dialog.getByTestId("two-factor-secret").textContent()) ?? "").replace(/\s/g, "");
    await dialog.getByRole("button", { name: "Next: enter a code" }).click();
    await prisma.pendingTotpSetup.update({ where: { userId: account.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const confirmStep = page.getByRole("dialog", { name: "Enter the code from your app" });
    await awayFromStepEdge();
    await confirmStep.getByLabel("6-digit code").fill(await totpCode(secret));
    await expect(confirmStep.getByText("This setup has expired. Start again to get a new QR code.").first()).toBeVisible();
    expect(await prisma.totpDevice.findUnique({ where: { userId: account.id } })).toBeNull();

    await confirmStep.getByRole("button", { name: "Start again" }).click();
    const restarted = page.getByRole("dialog", { name: "Scan the QR code" });
    await expect(restarted.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    await restarted.getByText("Can't scan it? Type the key instead").click();
    await expect(restarted.getByTestId("two-factor-secret")).not.toHaveText(/^$/);
    const fresh = ((await restarted.getByTestId("two-factor-secret").textContent()) ?? "").replace(/\s/g, "");
    expect(fresh).not.toBe(secret);
    await page.keyboard.press("Escape");
    await expect(restarted).toBeHidden();
  });

  test("new backup codes: asks first, names how many stop working, and the old ones fail at sign-in", async ({ page, account, anonApi, prisma }) => {
    await signInPage(page, account);
    const { backupCodes: oldCodes } = await enableTwoFactor(page.context().request);
    const spent = await prisma.backupCode.findMany({ where: { userId: account.id }, select: { id: true }, take: 7 });
    await prisma.backupCode.updateMany({ where: { id: { in: spent.map(({ id }) => id) } }, data: { usedAt: new Date() } });

    await page.goto("/settings/security");
    const card = twoFactorCard(page);
    await expect(card.getByText("Backup codes: 3 of 10 left")).toBeVisible();
    await expect(card.getByText("Running low")).toBeVisible();

    await card.getByRole("button", { name: "Generate new backup codes" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Generate new backup codes?" });
    await expect(confirm).toContainText("Your 3 unused codes stop working right away.");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    expect(await prisma.backupCode.count({ where: { userId: account.id, usedAt: null } })).toBe(3);

    await card.getByRole("button", { name: "Generate new backup codes" }).click();
    await confirm.getByRole("button", { name: "Generate new codes" }).click();
    const codesDialog = page.getByRole("dialog", { name: "Save your new backup codes" });
    await expectFocusedHeading(codesDialog, "Save your new backup codes");
    const newCodes = await codesDialog.getByRole("list", { name: "Backup codes" }).getByRole("listitem").allTextContents();
    expect(newCodes).toHaveLength(10);
    await page.keyboard.press("Escape");
    await expect(codesDialog.getByText("Close without saving your backup codes?")).toBeVisible();
    await expect(codesDialog.getByRole("button", { name: "Finish" })).toBeDisabled();
    await codesDialog.getByLabel("I have stored these codes safely").check();
    await codesDialog.getByRole("button", { name: "Finish" }).click();
    await expect(codesDialog).toBeHidden();
    await expect(card.getByText("Backup codes: 10 of 10 left")).toBeVisible();
    await expect(card.getByText("Running low")).toHaveCount(0);

    const unusedOld = oldCodes.at(-1)!;
    expect(await signInAttempt(anonApi, account.email, account.password, unusedOld)).toBe("2fa_invalid");
    expect(await signInAttempt(anonApi, account.email, account.password, newCodes[0])).toBe("signed-in");
  });

  test("turning off is refused without a code and with a wrong one, and done with a backup code", async ({ page, account, prisma }) => {
    await signInPage(page, account);
    const { secret, backupCodes } = await enableTwoFactor(page.context().request);
    await page.goto("/settings/security");
    const card = twoFactorCard(page);
    await card.getByRole("button", { name: "Turn off two-factor" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Turn off two-factor authentication?" });
    await expectFocusedHeading(dialog, "Turn off two-factor authentication?");

    await dialog.getByRole("button", { name: "Turn off two-factor" }).click();
    await expect(dialog.getByText("Enter the 6-digit code from your authenticator app.")).toBeVisible();
    const refused = await page.context().request.post("/api/users/@me/two_factor_disable", { headers: SAME_ORIGIN, data: {} });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).attr).toBe("token");

    await dialog.getByLabel("6-digit code from your authenticator app").fill(await wrongTotpCode(secret));
    await dialog.getByRole("button", { name: "Turn off two-factor" }).click();
    await expect(dialog.getByText(/That code didn't work/)).toBeVisible();
    expect(await prisma.totpDevice.findUnique({ where: { userId: account.id } })).not.toBeNull();

    await dialog.getByRole("button", { name: "Use a backup code instead" }).click();
    const backupInput = dialog.getByLabel("Backup code");
    await expect(backupInput).toBeFocused();
    await backupInput.fill(backupCodes[0]!);
    await dialog.getByRole("button", { name: "Turn off two-factor" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Two-factor authentication is off" })).toBeVisible();
    await expect(card.getByText("Disabled", { exact: true })).toBeVisible();
    expect(await prisma.totpDevice.findUnique({ where: { userId: account.id } })).toBeNull();
    expect(await prisma.backupCode.count({ where: { userId: account.id } })).toBe(0);
  });
});

test.describe("signing in with two-factor", () => {
  test("asks for the code after the password, explains a wrong one, and signs in with the right one", async ({ page, account, users }) => {
    const { secret } = await enableTwoFactor(await users.signIn(account));
    await signInWithPassword(page, account);

    const step = page.getByRole("form", { name: "Two-factor authentication" });
    await expect(step.getByRole("heading", { name: "Two-factor authentication" })).toBeFocused();
    const input = step.getByLabel("Authentication code");
    await expect(input).toHaveAttribute("inputmode", "numeric");
    await expect(input).toHaveAttribute("autocomplete", "one-time-code");
    expect((await page.context().request.get("/api/users/@me")).status()).toBe(401);

    await input.fill(await wrongTotpCode(secret));
    await expect(step.getByRole("alert").filter({ hasText: "That code didn't work" })).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);

    await step.getByRole("button", { name: "Back to email and password" }).click();
    await expect(page.getByLabel("Email")).toHaveValue(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await awayFromStepEdge();
    await page.getByLabel("Authentication code").fill(await totpCode(secret));
    await expect(page).toHaveURL(/\/settings\/profile/);
    expect((await page.context().request.get("/api/users/@me")).status()).toBe(200);
  });

  test("a backup code signs in once; the same code is refused after", async ({ page, account, users, anonApi }) => {
    const { backupCodes } = await enableTwoFactor(await users.signIn(account));
    await signInWithPassword(page, account);
    const step = page.getByRole("form", { name: "Two-factor authentication" });
    await step.getByRole("button", { name: "Use a backup code instead" }).click();
    const input = step.getByLabel("Backup code");
    await expect(input).toBeFocused();
    await input.fill(backupCodes[3]!.toUpperCase());
    await step.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/settings\/profile/);

    expect(await signInAttempt(anonApi, account.email, account.password, backupCodes[3])).toBe("2fa_invalid");
    expect(await signInAttempt(anonApi, account.email, account.password)).toBe("2fa_required");
    await page.goto("/settings/security");
    await expect(twoFactorCard(page).getByText("Backup codes: 9 of 10 left")).toBeVisible();
  });
});

test.describe("the two-factor API", () => {
  const ROUTES = [
    ["GET", "two_factor_start_setup"],
    ["GET", "start_2fa_setup"],
    ["POST", "two_factor_validate"],
    ["POST", "validate_2fa"],
    ["GET", "two_factor_status"],
    ["POST", "two_factor_backup_codes"],
    ["POST", "two_factor_disable"],
  ] as const;

  test("anonymous callers get 401 on every route", async ({ anonApi }) => {
    for (const [method, route] of ROUTES) {
      const response = await anonApi.fetch(`/api/users/@me/${route}`, { method, headers: SAME_ORIGIN, data: method === "POST" ? { token: "123456" } : undefined });
      expect(response.status(), `${method} ${route}`).toBe(401);
    }
  });

  test("another user's uuid is a 403 for users and staff, and their rows do not change", async ({ other, users, staff, prisma }) => {
    const theirs = await users.signIn(other);
    const { backupCodes } = await enableTwoFactor(theirs);
    const before = await prisma.totpDevice.findUniqueOrThrow({ where: { userId: other.id } });
    const mine = await users.signIn(await users.create());
    const staffApi = await users.signIn(staff);
    for (const api of [mine, staffApi]) {
      for (const [method, route] of ROUTES) {
        const response = await api.fetch(`/api/users/${other.uuid}/${route}`, { method, headers: SAME_ORIGIN, data: method === "POST" ? { token: backupCodes[0] } : undefined });
        expect(response.status(), `${method} ${route}`).toBe(403);
      }
    }
    expect(await prisma.totpDevice.findUniqueOrThrow({ where: { userId: other.id } })).toEqual(before);
    expect(await prisma.pendingTotpSetup.findUnique({ where: { userId: other.id } })).toBeNull();
    expect(await prisma.backupCode.count({ where: { userId: other.id, usedAt: null } })).toBe(10);
    expect((await (await theirs.get("/api/users/@me/two_factor_status")).json()).backup_codes_remaining).toBe(10);
  });

  test("no secret or backup code ever comes back from @me or the status", async ({ userApi }) => {
    const { secret, backupCodes } = await enableTwoFactor(userApi);
    const me = await userApi.get("/api/users/@me");
    const status = await userApi.get("/api/users/@me/two_factor_status");
    expect((await me.json()).is_2fa_enabled).toBe(true);
    expect(await status.json()).toEqual({ is_enabled: true, method: "TOTP", backup_codes_remaining: 10 });
    for (const body of [await me.text(), await status.text()]) {
      expect(body).not.toContain(secret);
      for (const code of backupCodes) expect(body).not.toContain(code);
    }
    expect((await userApi.get("/api/users/@me/two_factor_start_setup")).status()).toBe(400);
  });
});
