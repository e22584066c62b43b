import { expect, signInAttempt, test } from "./support/fixtures";
import { signInPage } from "./support/browser";
import { enableTwoFactor } from "./support/two-factor";

const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

test("signed in from two browsers, the Activity page shows both sign-ins, each linked to its device", async ({ page, browser, account }) => {
  await signInPage(page, account);
  const laptop = await browser.newContext({ userAgent: FIREFOX_LINUX });
  try {
    const second = await laptop.newPage();
    await signInPage(second, account);

    await page.goto("/settings/activity");
    await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
    const list = page.locator(".activity-list").getByRole("listitem");
    const signIns = list.filter({ hasText: /^Signed in with a password/ });
    await expect(signIns).toHaveCount(2);
    const fromFirefox = signIns.filter({ hasText: "Signed in with a password from Firefox on Linux" });
    await expect(fromFirefox).toBeVisible();
    // The exact time is on hover; the list shows how long ago.
    await expect(fromFirefox.locator("time")).toHaveAttribute("title", /\d/);

    await fromFirefox.getByRole("link", { name: "See this device" }).click();
    await expect(page).toHaveURL(/\/settings\/security#session-[0-9a-f-]{36}$/);
    const sessionId = new URL(page.url()).hash.slice("#session-".length);
    const device = page.locator(`#session-${sessionId}`);
    await expect(device).toContainText("Firefox on Linux");
    await expect(device).toBeFocused();

    // Signed out from the devices list, that sign-in no longer links anywhere.
    await device.getByRole("button", { name: "Sign out Firefox on Linux" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Sign out" }).click();
    await expect(device).toHaveCount(0);
    await page.goto("/settings/activity");
    await expect(list.filter({ hasText: "Signed out Firefox on Linux" })).toBeVisible();
    await expect(signIns.filter({ hasText: "Firefox on Linux" })).toContainText("signed out since");
  } finally {
    await laptop.close();
  }
});

test("filters by kind through the URL, survives a reload, and a refused sign-in shows its reason", async ({ page, account, anonApi }) => {
  await signInPage(page, account);
  expect(await signInAttempt(anonApi, account.email, "not-the-password")).toBe("CredentialsSignin");
  await enableTwoFactor(page.context().request);

  await page.goto("/settings/activity");
  await page.getByLabel("Show").selectOption({ label: "Two-factor and passkeys" });
  await expect(page).toHaveURL(/[?&]kind=two_factor\b/);
  const list = page.locator(".activity-list").getByRole("listitem");
  await expect(list.first()).toContainText("Two-factor authentication turned on");
  await expect(list.filter({ hasText: "Signed in" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Show")).toHaveValue("two_factor");
  await expect(list.first()).toContainText("Two-factor authentication turned on");

  await page.getByLabel("Show").selectOption({ label: "Sign-ins and devices" });
  await expect(page).toHaveURL(/[?&]kind=sign_ins\b/);
  await expect(list.filter({ hasText: "Sign-in refused: wrong password" })).toBeVisible();
});
