import { APP_NAME } from "../playwright.config";
import { expect, test } from "./support/fixtures";
import { signInPage } from "./support/browser";

test.beforeEach(async ({ page, account }) => {
  await signInPage(page, account);
  await page.goto("/settings/profile");
});

test("edit the name, save, and it is still there after a reload", async ({ page, userApi }) => {
  await expect(page).toHaveTitle(`Profile · Settings · ${APP_NAME}`);
  await expect(page.getByRole("banner").getByRole("link", { name: APP_NAME })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Profile" })).toHaveAttribute("aria-current", "page");
  const save = page.getByRole("button", { name: "Save" });
  await expect(page.getByLabel("First name")).toHaveValue("E2E");
  await expect(save).toBeDisabled();
  await expect(page.getByText("No changes yet")).toBeVisible();

  await page.getByLabel("First name").fill("  Amy ");
  await page.getByLabel("Last name").fill("Rose");
  await expect(save).toBeEnabled();
  await page.getByLabel("Last name").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Profile saved" })).toBeVisible();
  await expect(page.getByLabel("First name")).toHaveValue("Amy");
  await expect(save).toBeDisabled();
  await expect(page.locator("#profile-save-status")).toHaveText("All changes saved.");

  await page.reload();
  await expect(page.getByLabel("First name")).toHaveValue("Amy");
  await expect(page.getByLabel("Last name")).toHaveValue("Rose");
  expect(await (await userApi.get("/api/users/@me")).json()).toMatchObject({ first_name: "Amy", last_name: "Rose" });
});

test("a name over the limit is explained under the field and nothing is sent", async ({ page }) => {
  let patched = false;
  await page.route("**/api/users/@me", (route) => {
    if (route.request().method() === "PATCH") patched = true;
    return route.continue();
  });
  await page.getByLabel("First name").fill("x".repeat(151));
  await page.getByRole("button", { name: "Save" }).click();
  const field = page.getByLabel("First name");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  await expect(page.locator(describedBy.split(" ").map((id) => `#${id}`).join(", ")).filter({ hasText: "150" }).first()).toBeVisible();
  expect(patched).toBe(false);
});

test("field errors from the server land on their fields", async ({ page }) => {
  await page.route("**/api/users/@me", (route) =>
    route.request().method() === "PATCH"
      ? route.fulfill({
          status: 400,
          contentType: "application/json",
          body: JSON.stringify({
            type: "validation_error", code: "invalid_input", detail: "Last name is not allowed.", attr: "last_name",
            issues: [{ attr: "last_name", code: "invalid_input", detail: "Last name is not allowed." }],
          }),
        })
      : route.continue(),
  );
  await page.getByLabel("Last name").fill("Robotnik");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Last name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Last name is not allowed.").first()).toBeVisible();
  await expect(page.getByLabel("Last name")).toHaveValue("Robotnik");
});

test("a server failure keeps what was typed and offers Retry", async ({ page, userApi }) => {
  let failNext = true;
  await page.route("**/api/users/@me", (route) => {
    if (route.request().method() === "PATCH" && failNext) {
      failNext = false;
      return route.fulfill({ status: 500, contentType: "application/json", body: '{"type":"server_error","code":"error","detail":"A server error occurred.","attr":null}' });
    }
    return route.continue();
  });
  await page.getByLabel("First name").fill("Tails");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  await expect(page.getByLabel("First name")).toHaveValue("Tails");
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved" })).toBeVisible();
  expect((await (await userApi.get("/api/users/@me")).json()).first_name).toBe("Tails");
});

test("Cancel puts the server values back", async ({ page }) => {
  await page.getByLabel("First name").fill("Knuckles");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByLabel("First name")).toHaveValue("E2E");
  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
});

test("leaving with unsaved text asks first; dismissing keeps the text", async ({ page }) => {
  await page.getByLabel("First name").fill("Shadow");
  const nav = page.getByRole("navigation", { name: "Settings" });
  page.once("dialog", (dialog) => {
    expect(dialog.type()).toBe("confirm");
    void dialog.dismiss();
  });
  await nav.getByRole("link", { name: "Security" }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(page.getByLabel("First name")).toHaveValue("Shadow");

  page.once("dialog", (dialog) => void dialog.accept());
  await nav.getByRole("link", { name: "Security" }).click();
  await expect(page).toHaveURL(/\/settings\/security$/);
});

test("keyboard only: Tab from first name to last name to Save, and Enter saves", async ({ page, userApi }) => {
  await page.getByLabel("First name").focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Cream");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Last name")).toBeFocused();
  await page.keyboard.type("Rabbit");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Save" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Profile saved" })).toBeVisible();
  expect(await (await userApi.get("/api/users/@me")).json()).toMatchObject({ first_name: "Cream", last_name: "Rabbit" });
});

test("a link to a card scrolls to it and focuses its heading", async ({ page }) => {
  const heading = page.getByRole("heading", { level: 2, name: "Account" });
  const id = await heading.getAttribute("id");
  expect(id).toBeTruthy();
  await page.goto(`/settings/profile#${id}`);
  await expect(page.getByRole("heading", { level: 2, name: "Account" })).toBeFocused();
});
