import { signInPage } from "./support/browser";
import { SAME_ORIGIN, expect, test } from "./support/fixtures";

const NOTICE = "Your organization requires two-factor authentication";
const SETUP_URL = /\/settings\/security\?setup=2fa#two-factor$/;

test.describe("an organization that enforces two-factor, for a member without it", () => {
  test("every settings, admin and dev page leads to the security page, which says why", async ({ page, users }) => {
    const member = await users.create({ enforce2fa: true, staff: true });
    await signInPage(page, member);

    await page.goto("/settings/profile");
    await expect(page).toHaveURL(SETUP_URL);
    await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: NOTICE })).toBeVisible();

    for (const path of ["/settings", "/settings/preferences", "/settings/api-keys/", "/admin/users", "/dev/outbox"]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(SETUP_URL);
    }

    // Client-side navigation keeps the layout (its server redirect does not run again): the profile
    // page is reached for a moment, then the user is sent back. Waiting for that moment keeps the
    // assertion below from passing on the URL the click started from.
    const reachedProfile = page.waitForURL(/\/settings\/profile$/);
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Profile" }).click();
    await reachedProfile;
    await expect(page).toHaveURL(SETUP_URL);
    await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: NOTICE })).toBeVisible();

    // The security page itself is the way out, and does not redirect to itself.
    await page.goto("/settings/security");
    await expect(page).toHaveURL(/\/settings\/security$/);
    await expect(page.getByRole("alert").filter({ hasText: NOTICE })).toBeVisible();
  });

  test("the API answers 403 two_factor_setup_required for a PATCH and the row is unchanged; @me and setup stay open", async ({ users, prisma }) => {
    const member = await users.create({ enforce2fa: true });
    const api = await users.signIn(member);
    const before = await prisma.user.findUniqueOrThrow({ where: { id: member.id } });

    const patch = await api.patch("/api/users/@me", { headers: SAME_ORIGIN, data: { first_name: "Changed" } });
    expect(patch.status()).toBe(403);
    expect(await patch.json()).toMatchObject({ type: "authentication_error", code: "two_factor_setup_required", attr: null });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).toEqual(before);
    expect((await api.get("/api/users")).status()).toBe(403);

    expect(await (await api.get("/api/users/@me/")).json()).toMatchObject({ is_2fa_enabled: false, organization: { enforce_2fa: true } });
    expect((await api.get("/api/users/@me/two_factor_status")).status()).toBe(200);
    expect((await api.get("/api/users/@me/two_factor_start_setup/")).status()).toBe(200);
    expect((await api.get("/api/users/@me/sessions")).status()).toBe(200);
  });

  test("once two-factor is on, the pages and the API are open again", async ({ page, users, prisma }) => {
    const member = await users.create({ enforce2fa: true });
    await signInPage(page, member);
    await page.goto("/settings/profile");
    await expect(page).toHaveURL(SETUP_URL);

    await prisma.totpDevice.create({ data: { userId: member.id, secretEncrypted: "sealed-elsewhere", keyId: "e2e" } });
    await page.goto("/settings/profile");
    await expect(page).toHaveURL(/\/settings\/profile$/);
    await expect(page.getByText(NOTICE)).toHaveCount(0);
    const patch = await page.context().request.patch("/api/users/@me", { headers: SAME_ORIGIN, data: { first_name: "Enrolled" } });
    expect(patch.status()).toBe(200);
  });

  test("a member of an organization that does not enforce it is left alone", async ({ page, account }) => {
    await signInPage(page, account);
    await page.goto("/settings/profile");
    await expect(page).toHaveURL(/\/settings\/profile$/);
    await expect(page.getByText(NOTICE)).toHaveCount(0);
  });
});
