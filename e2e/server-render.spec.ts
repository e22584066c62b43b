import { SAME_ORIGIN, expect, test } from "./support/fixtures";
import { signInPage } from "./support/browser";

test.describe("with JavaScript off, the server's first paint is the finished page", () => {
  test.use({ javaScriptEnabled: false });

  test("profile: the form holds the saved names and no skeleton is left", async ({ page, users }) => {
    const account = await users.create({ firstName: "Server", lastName: "Painted" });
    await signInPage(page, account);
    await page.goto("/settings/profile");
    await expect(page.getByLabel("First name")).toHaveValue("Server");
    await expect(page.getByLabel("Last name")).toHaveValue("Painted");
    await expect(page.getByRole("region", { name: "Email", exact: true })).toContainText(account.email);
    await expect(page.getByRole("region", { name: "Email", exact: true })).toContainText("Verified");
    await expect(page.locator(".skeleton")).toHaveCount(0);
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  });

  test("profile: a pending email change is painted with its actions", async ({ page, account, prisma }) => {
    const pendingEmail = `e2e-pending-${account.uuid}@example.test`;
    await prisma.user.update({ where: { id: account.id }, data: { pendingEmail } });
    await signInPage(page, account);
    await page.goto("/settings/profile");
    const pending = page.getByRole("region", { name: "Pending email change" });
    await expect(pending).toContainText(pendingEmail);
    await expect(pending.getByRole("button", { name: "Cancel change" })).toBeVisible();
    await expect(page.locator(".skeleton")).toHaveCount(0);
  });

  test("security: the signed-in devices are listed, this one first", async ({ page, account }) => {
    await signInPage(page, account);
    await page.goto("/settings/security");
    const devices = page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem");
    await expect(devices).toHaveCount(1);
    await expect(devices.first()).toContainText("This device");
    await expect(page.locator(".skeleton")).toHaveCount(0);
  });

  test("admin: the first page of users is in the table", async ({ page, staff, other }) => {
    await signInPage(page, staff);
    await page.goto("/admin/users");
    await expect(page.getByRole("row").filter({ hasText: other.email })).toBeVisible();
    await expect(page.getByText(/^1–\d+ of \d+$/)).toBeVisible();
    await expect(page.locator(".skeleton")).toHaveCount(0);
  });
});

test("the server-rendered profile hydrates without a mismatch or a refetch", async ({ page, account }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  let meFetches = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/users/@me") meFetches += 1;
  });
  await signInPage(page, account);
  await page.goto("/settings/profile");
  await expect(page.getByLabel("First name")).toHaveValue(account.firstName);
  await page.getByLabel("First name").fill("Typed");
  await expect(page.getByRole("button", { name: "Save" })).toBeEnabled();
  expect(meFetches).toBe(0);
  expect(problems).toEqual([]);
});

test("the server-rendered devices list hydrates without a mismatch or a refetch", async ({ page, account }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  let sessionFetches = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/users/@me/sessions") sessionFetches += 1;
  });
  await signInPage(page, account);
  await page.goto("/settings/security");
  await expect(page.getByRole("button", { name: "Sign out everywhere else" })).toBeDisabled();
  await expect(page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem")).toHaveCount(1);
  expect(sessionFetches).toBe(0);
  expect(problems).toEqual([]);
});

test.describe("with JavaScript off, the API keys page lists the keys from the server", () => {
  test.use({ javaScriptEnabled: false });

  test("a key made through the API is in the first paint, with no skeleton", async ({ page, account }) => {
    await signInPage(page, account);
    const created = await page.context().request.post("/api/personal_api_keys", { headers: SAME_ORIGIN, data: { label: "Painted key", scopes: ["user:read"] } });
    expect(created.status()).toBe(201);
    await page.goto("/settings/api-keys");
    await expect(page.getByRole("list", { name: "Personal API keys" })).toContainText("Painted key");
    await expect(page.locator(".skeleton")).toHaveCount(0);
  });
});
