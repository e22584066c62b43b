import { signInPage } from "./support/browser";
import { SAME_ORIGIN, expect, test } from "./support/fixtures";

const REVIEW_URL = /\/review-credentials$/;

test.describe("the credential review interstitial", () => {
  test("holds a flagged user from settings and admin pages until they confirm, then lands on the profile", async ({ page, users, prisma }) => {
    const member = await users.create({ staff: true });
    await prisma.user.update({ where: { id: member.id }, data: { requiresCredentialReview: true } });
    await signInPage(page, member);

    for (const path of ["/settings/profile", "/admin/users", "/settings/api-keys", "/settings/security"]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(REVIEW_URL);
    }
    await expect(page.getByRole("heading", { name: "Review your credentials", level: 1 })).toBeVisible();
    // Full screen: no app navigation.
    await expect(page.getByRole("navigation", { name: "Settings" })).toHaveCount(0);
    // The key API answers 404 on this branch: nothing to review, and the button still confirms.
    await expect(page.getByText("You have no personal API keys")).toBeVisible();

    // The API keeps answering while the pages are held.
    expect(await (await page.request.get("/api/users/@me")).json()).toMatchObject({ requires_credential_review: true });

    await page.getByRole("button", { name: "I've reviewed my credentials" }).click();
    await expect(page).toHaveURL(/\/settings\/profile$/);
    await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();

    const row = await prisma.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(row.requiresCredentialReview).toBe(false);
    expect(row.credentialsReviewedAt).not.toBeNull();

    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/admin\/users$/);
  });

  test("lists the user's keys and revokes one after confirmation", async ({ page, users, prisma }) => {
    const member = await users.create();
    await prisma.user.update({ where: { id: member.id }, data: { requiresCredentialReview: true } });
    await signInPage(page, member);
    const session = page.context().request;
    const create = async (label: string, scopes: string[]) =>
      (await (await session.post("/api/personal_api_keys", { headers: SAME_ORIGIN, data: { label, scopes } })).json()) as { id: string };
    const deploy = await create("Deploy script", ["*"]);
    const bot = await create("Read-only bot", ["user:read"]);
    await page.goto("/settings/profile");
    await expect(page).toHaveURL(REVIEW_URL);

    const list = page.getByRole("list", { name: "Personal API keys" });
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list).toContainText("Full access");
    await expect(list).toContainText("never used");

    await page.getByRole("button", { name: "Revoke Deploy script" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Revoke Deploy script?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await prisma.personalApiKey.count({ where: { userId: member.id } })).toBe(2);
    await page.getByRole("button", { name: "Revoke Deploy script" }).click();
    await dialog.getByRole("button", { name: "Revoke key" }).click();
    await expect(list.getByRole("listitem")).toHaveCount(1);
    expect((await prisma.personalApiKey.findMany({ where: { userId: member.id } })).map((key) => key.id)).toEqual([bot.id]);
    expect(deploy.id).not.toBe(bot.id);

    await page.getByRole("button", { name: "I've reviewed my credentials" }).click();
    await expect(page).toHaveURL(/\/settings\/profile$/);
  });

  test("a session can complete the review through the API; another user's uuid is refused", async ({ users, prisma }) => {
    const [member, other] = [await users.create(), await users.create()];
    await prisma.user.update({ where: { id: other.id }, data: { requiresCredentialReview: true } });
    const api = await users.signIn(member);
    expect((await api.post(`/api/users/${other.uuid}/credentials_review_complete`, { headers: SAME_ORIGIN })).status()).toBe(403);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).requiresCredentialReview).toBe(true);
    expect((await api.post("/api/users/@me/credentials_review_complete", { headers: SAME_ORIGIN })).status()).toBe(204);
  });
});
