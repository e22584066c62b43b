import { randomBytes, randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { SAME_ORIGIN, expect, test } from "./support/fixtures";
import { signInPage } from "./support/browser";
import type { UserFactory } from "./support/users";
import type { AppPrismaClient } from "@/lib/db/create-client";

function usersTable(page: Page) {
  return page.getByRole("table", { name: "Users" });
}

/** Users whose emails share one prefix, so `search` can single them out among everyone else's. */
async function createSearchableUsers(prisma: AppPrismaClient, users: UserFactory, count: number): Promise<{ prefix: string; emails: string[] }> {
  const prefix = `adm-${randomBytes(5).toString("hex")}`;
  const emails = Array.from({ length: count }, (_, index) => `${prefix}-${String(index).padStart(3, "0")}@example.test`);
  for (const email of emails) users.track(email);
  await prisma.user.createMany({ data: emails.map((email) => ({ email, firstName: "Paged", distinctId: randomUUID() })) });
  return { prefix, emails };
}

test.describe("admin users list", () => {
  test("the staff filter is in the URL, painted by the server, and survives reload and Back", async ({ page, staff, other }) => {
    await signInPage(page, staff);
    const response = await page.goto("/admin/users?is_staff=true");
    const html = (await response?.text()) ?? "";
    expect(html).toContain(staff.email);
    expect(html).not.toContain(other.email);

    const filter = page.getByLabel("Staff", { exact: true });
    await expect(filter).toHaveValue("true");
    await expect(usersTable(page).getByRole("row").filter({ hasText: staff.email }).getByText("You", { exact: true })).toBeVisible();

    await filter.selectOption({ label: "Not staff" });
    await expect(page).toHaveURL(/[?&]is_staff=false/);
    await expect(usersTable(page).getByRole("row").filter({ hasText: other.email })).toBeVisible();
    await expect(usersTable(page).getByRole("row").filter({ hasText: staff.email })).toHaveCount(0);

    await page.reload();
    await expect(page.getByLabel("Staff", { exact: true })).toHaveValue("false");
    await expect(usersTable(page).getByRole("row").filter({ hasText: other.email })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/[?&]is_staff=true/);
    await expect(page.getByLabel("Staff", { exact: true })).toHaveValue("true");
  });

  test("the columns: verified, staff, 2FA, joined and last sign-in (— when unknown); the row links to the user", async ({ page, staff, users }) => {
    const unverified = await users.create({ verified: false, firstName: "Unverified" });
    await signInPage(page, staff);
    // Other tests' users share the database: search for this one, so it is on the first page.
    await page.goto(`/admin/users?is_staff=false&search=${encodeURIComponent(unverified.email)}`);
    const row = usersTable(page).getByRole("row").filter({ hasText: unverified.email });
    await expect(row.locator('td[data-label="Verified"]')).toHaveText("No");
    await expect(row.locator('td[data-label="2FA"]')).toHaveText("No");
    await expect(row.locator('td[data-label="Joined"] time')).toBeVisible();
    await expect(row.locator('td[data-label="Last sign-in"]')).toHaveText(/—|\d/);
    await row.getByRole("link", { name: unverified.email }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/users/${unverified.uuid}$`));
    await expect(page.getByRole("heading", { level: 1, name: unverified.email })).toBeVisible();
  });

  test("search by email prefix is debounced into the URL, and pages with Next/Previous", async ({ page, staff, prisma, users }) => {
    const { prefix, emails } = await createSearchableUsers(prisma, users, 52);
    await signInPage(page, staff);
    await page.goto("/admin/users");
    // Text typed before the page hydrates is dropped (React re-renders the field): type until it takes.
    await expect(async () => {
      await page.getByLabel("Search by email").fill(prefix);
      await expect(page).toHaveURL(new RegExp(`[?&]search=${prefix}`), { timeout: 1500 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByText("1–50 of 52", { exact: true })).toBeVisible();
    await expect(usersTable(page).getByRole("row").filter({ hasText: emails[0] })).toBeVisible();

    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/[?&]offset=50/);
    await expect(page.getByText("51–52 of 52", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();

    await page.reload();
    await expect(page.getByLabel("Search by email")).toHaveValue(prefix);
    await expect(page.getByText("51–52 of 52", { exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Previous" }).click();
    await expect(page.getByText("1–50 of 52", { exact: true })).toBeVisible();

    await page.getByLabel("Search by email").fill(`${prefix}-nobody`);
    await expect(page.getByText("No users match these filters.")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByLabel("Search by email")).toHaveValue("");
  });
});

test.describe("admin user detail", () => {
  test("shows the user's facts and organizations", async ({ page, staff, other, prisma }) => {
    await signInPage(page, staff);
    await page.goto(`/admin/users/${other.uuid}`);
    await expect(page.getByRole("heading", { level: 1, name: other.email })).toBeVisible();
    const facts = page.getByRole("region", { name: "Account" });
    await expect(facts).toContainText("Other");
    await expect(facts).toContainText("Verified");
    await expect(facts).toContainText(other.uuid);
    const organization = await prisma.organization.findUniqueOrThrow({ where: { id: other.organizationId } });
    await expect(page.getByRole("region", { name: "Organizations" })).toContainText(organization.name);
    await expect(page.getByRole("link", { name: "Audit entries for this user" })).toHaveAttribute("href", `/admin/audit?target=${other.uuid}`);
  });

  test("granting and revoking staff, each after a confirmation", async ({ page, staff, other, prisma }) => {
    await signInPage(page, staff);
    await page.goto(`/admin/users/${other.uuid}`);
    const card = page.getByRole("region", { name: "Staff access" });

    await card.getByRole("button", { name: "Grant staff" }).click();
    const grant = page.getByRole("alertdialog", { name: `Grant staff to ${other.email}?` });
    await grant.getByRole("button", { name: "Cancel" }).click();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).isStaff).toBe(false);

    await card.getByRole("button", { name: "Grant staff" }).click();
    await grant.getByRole("button", { name: "Grant staff" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${other.email} is now staff` })).toBeVisible();
    await expect(page.getByRole("region", { name: "Account" }).locator("dd").getByText("Staff", { exact: true })).toBeVisible();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).isStaff).toBe(true);

    await card.getByRole("button", { name: "Revoke staff" }).click();
    await page.getByRole("alertdialog", { name: `Revoke staff from ${other.email}?` }).getByRole("button", { name: "Revoke staff" }).click();
    await expect(card.getByRole("button", { name: "Grant staff" })).toBeVisible();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).isStaff).toBe(false);
  });

  test("the last staff account says up front it can't be demoted; a 409 shows the API's reason", async ({ page, staff, users }) => {
    const second = await users.create({ staff: true });
    await signInPage(page, staff);
    // Other workers create staff too, so the count of one is staged.
    await page.route("**/api/users?is_staff=true&limit=1", (route) => route.fulfill({ json: { count: 1, next: null, previous: null, results: [] } }));
    await page.goto(`/admin/users/${second.uuid}`);
    const card = page.getByRole("region", { name: "Staff access" });
    await expect(card.getByRole("button", { name: "Revoke staff" })).toBeDisabled();
    await expect(card).toContainText("This is the only staff account, so it can't be demoted.");

    await page.unroute("**/api/users?is_staff=true&limit=1");
    await page.route(`**/api/users/${second.uuid}/`, (route) =>
      route.request().method() === "PATCH"
        ? route.fulfill({ status: 409, json: { type: "invalid_request", code: "last_staff", detail: "The last staff user can't lose staff.", attr: "is_staff" } })
        : route.fallback(),
    );
    await page.reload();
    await card.getByRole("button", { name: "Revoke staff" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Revoke staff from ${second.email}?` });
    await dialog.getByRole("button", { name: "Revoke staff" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("The last staff user can't lose staff.");
  });

  test("deleting needs the typed email, then returns to the list without the user", async ({ page, staff, users, prisma }) => {
    const doomed = await users.create({ firstName: "Doomed" });
    await signInPage(page, staff);
    await page.goto(`/admin/users/${doomed.uuid}`);
    await page.getByRole("region", { name: "Delete user" }).getByRole("button", { name: "Delete user", exact: true }).click();
    const dialog = page.getByRole("alertdialog", { name: `Delete ${doomed.email}?` });
    const confirm = dialog.getByRole("button", { name: "Delete user" });
    await dialog.getByLabel(/Type .* to confirm/).fill("someone-else@example.test");
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type .* to confirm/).fill(doomed.email);
    await confirm.click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("status").filter({ hasText: `Deleted ${doomed.email}` })).toBeVisible();
    await expect(usersTable(page).getByRole("row").filter({ hasText: doomed.email })).toHaveCount(0);
    expect(await prisma.user.findUnique({ where: { id: doomed.id } })).toBeNull();
  });

  test("revoking your own staff warns first, then the admin pages are gone for you", async ({ page, staff, users, prisma }) => {
    await users.create({ staff: true });
    await signInPage(page, staff);
    await page.goto(`/admin/users/${staff.uuid}`);
    await page.getByRole("region", { name: "Staff access" }).getByRole("button", { name: "Revoke staff" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Revoke staff from ${staff.email}?` });
    await expect(dialog).toHaveAccessibleDescription(/They will lose access to the admin pages/);
    await expect(dialog).toContainText("This is your own account: only another staff member can give staff back to you.");
    await dialog.getByRole("button", { name: "Revoke staff" }).click();
    await expect(page).toHaveURL(/\/settings\/profile$/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: staff.id } })).isStaff).toBe(false);
    expect((await page.goto("/admin/users"))?.status()).toBe(404);
  });

  test("deleting a staff user: their session stops working and the audit log keeps who they were", async ({ page, staff, users, prisma }) => {
    const doomed = await users.create({ staff: true, firstName: "Doomed" });
    const doomedApi = await users.signIn(doomed);
    expect((await doomedApi.get("/api/users/@me/")).status()).toBe(200);
    await signInPage(page, staff);
    await page.goto(`/admin/users/${doomed.uuid}`);
    await page.getByRole("region", { name: "Delete user" }).getByRole("button", { name: "Delete user", exact: true }).click();
    const dialog = page.getByRole("alertdialog", { name: `Delete ${doomed.email}?` });
    await expect(dialog).toHaveAccessibleDescription(/This removes, for good/);
    await dialog.getByLabel(/Type .* to confirm/).fill(doomed.email);
    await dialog.getByRole("button", { name: "Delete user" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    expect(await prisma.user.findUnique({ where: { id: doomed.id } })).toBeNull();
    expect((await doomedApi.get("/api/users/@me/")).status()).toBe(401);

    await page.goto(`/admin/audit?target=${doomed.uuid}`);
    const entry = page.getByRole("table", { name: "Audit log" }).getByRole("row").filter({ hasText: "User deleted" });
    await expect(entry.locator('td[data-label="Target"]')).toContainText(doomed.email);
    await expect(entry.locator('td[data-label="Actor"]')).toHaveText(staff.email);
  });

  test("an unknown user is a 404", async ({ page, staff }) => {
    await signInPage(page, staff);
    expect((await page.goto(`/admin/users/${randomUUID()}`))?.status()).toBe(404);
    expect((await page.goto("/admin/users/not-a-uuid"))?.status()).toBe(404);
  });
});

test("staff find Audit in the navigation, with the action filter in the URL", async ({ page, staff, other }) => {
  await signInPage(page, staff);
  await page.goto(`/admin/users/${other.uuid}`);
  await page.getByRole("link", { name: "Audit entries for this user" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/audit\\?target=${other.uuid}$`));
  const nav = page.getByRole("navigation", { name: "Settings" });
  await expect(nav.getByRole("link", { name: "Audit" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Admin" })).not.toHaveAttribute("aria-current", "page");
  await page.getByLabel("Action").selectOption({ label: "User deleted" });
  await expect(page).toHaveURL(/[?&]action=user\.deleted/);
  await expect(page).toHaveURL(new RegExp(`[?&]target=${other.uuid}`));
});

test("a regular user gets a 404 for a user's admin page and for the audit log", async ({ page, account, other }) => {
  await signInPage(page, account);
  expect((await page.goto(`/admin/users/${other.uuid}`))?.status()).toBe(404);
  await expect(page).not.toHaveTitle(new RegExp(other.email));
  expect((await page.goto("/admin/audit"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

// Asking *everyone* is answered by a staged response: for real, it would hold the users of every
// other test running beside this one at the review page (the integration tests cover it on a
// database of their own).
test("asking one user, or everyone, to review credentials", async ({ page, prisma, staff, other }) => {
  await signInPage(page, staff);
  await page.route("**/api/admin/request_credential_review/", (route) => route.fulfill({ json: { requested: 3 } }));

  await page.goto(`/admin/users/${other.uuid}`);
  await page.getByRole("button", { name: "Ask to review credentials" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Asked ${other.email} to review their credentials` })).toBeVisible();
  expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).requiresCredentialReview).toBe(true);
  const entry = await prisma.auditLogEntry.findFirst({ where: { targetUuid: other.uuid, action: "user.credential_review_requested" } });
  expect(entry?.actorUuid).toBe(staff.uuid);

  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Ask everyone to review credentials" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Ask everyone to review credentials?" });
  await dialog.getByRole("button", { name: "Ask everyone" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Asked 3 users to review their credentials" })).toBeVisible();
});

test("the audit log shows time, actor, action, target, before → after and IP", async ({ page, staff, other, staffApi }) => {
  await signInPage(page, staff);
  const granted = await staffApi.patch(`/api/users/${other.uuid}/`, { data: { is_staff: true }, headers: SAME_ORIGIN });
  expect(granted.status()).toBe(200);
  // The first paint already holds the entry: the page prefetches the log on the server.
  const html = await (await staffApi.get(`/admin/audit?target=${other.uuid}`)).text();
  expect(html).toContain(other.email);
  expect(html).toContain("Staff access changed");
  await page.goto(`/admin/audit?target=${other.uuid}&action=user.staff_changed`);
  const row = page.getByRole("table", { name: "Audit log" }).getByRole("row").filter({ hasText: other.email });
  await expect(row.locator('td[data-label="Action"]')).toHaveText("Staff access changed");
  await expect(row.locator('td[data-label="Actor"]')).toHaveText(staff.email);
  await expect(row.locator('td[data-label="Changes"]')).toHaveText("is_staff: false → true");
  await expect(row.locator('td[data-label="IP"]')).toHaveText(/^(127\.0\.0\.1|::1)$/);
  await expect(page.getByText("1–1 of 1", { exact: true })).toBeVisible();
  await row.getByRole("link", { name: other.email }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${other.uuid}$`));
});
