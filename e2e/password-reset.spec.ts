import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { AppPrismaClient } from "@/lib/db/create-client";
import { APP_NAME } from "../playwright.config";
import { SAME_ORIGIN, expect, signInAttempt, test } from "./support/fixtures";
import { LoopbackClient } from "./support/loopback-client";
import { enableTwoFactor, totpCode } from "./support/two-factor";

const NEW_PASSWORD = "meadow-Quartz-lantern-58";
const nobody = () => `nobody-${randomUUID()}@example.test`;

/** The path of the newest reset link mailed to `to` (the mail is sent just after the answer). */
async function resetLinkFor(prisma: AppPrismaClient, to: string, count = 1): Promise<string> {
  const subject = `${APP_NAME}: Reset your password`;
  await expect.poll(() => prisma.outboxEmail.count({ where: { to, subject } }), { timeout: 10_000 }).toBe(count);
  const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to, subject }, orderBy: { createdAt: "desc" } });
  const url = /https?:\/\/\S+\/reset\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
  if (!url) throw new Error(`no reset link in ${mail.text}`);
  return new URL(url).pathname;
}

test("forgot password, end to end: the mailed link sets a new password, signs every device out, and sign-in takes the new one", async ({ page, account, userApi, prisma }) => {
  expect((await userApi.get("/api/users/@me")).status()).toBe(200);

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forgot your password?");
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByTestId("reset-requested")).toContainText(`If an account exists for ${account.email}, we've sent it a link`);

  const link = await resetLinkFor(prisma, account.email);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  const password = page.getByLabel("New password", { exact: true });
  const confirm = page.getByLabel("Confirm new password");
  await password.fill(NEW_PASSWORD);
  await confirm.fill(`${NEW_PASSWORD}-typo`);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator("#reset-confirm-error")).toHaveText("The passwords don't match.");

  await expect(password).toHaveAttribute("type", "password");
  await page.getByLabel("Show passwords").check();
  await expect(password).toHaveAttribute("type", "text");
  await expect(confirm).toHaveAttribute("type", "text");

  await password.fill("password123");
  await confirm.fill("password123");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator("#reset-password-error")).toContainText("too common");
  await expect(password).toBeFocused();

  await password.fill(NEW_PASSWORD);
  await confirm.fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/signin\?reset=1$/);
  await expect(page.getByText("Your password has been changed")).toBeVisible();

  expect((await userApi.get("/api/users/@me")).status()).toBe(401);
  expect(await signInAttempt(page.context().request, account.email, account.password)).toBe("CredentialsSignin");

  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);

  const notice = await prisma.outboxEmail.findFirstOrThrow({ where: { to: account.email, subject: `${APP_NAME}: Your password was reset` } });
  expect(notice.text).toContain("If this wasn't you");

  // Used once: the link now says so before anyone types.
  await page.goto(link);
  await expect(page.getByRole("alert").filter({ hasText: "This reset link is not valid" })).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
});

test("known and unknown addresses get the same answer, on the page and from the API", async ({ page, account, anonApi, prisma }) => {
  const known = await anonApi.post("/api/reset", { headers: SAME_ORIGIN, data: { email: account.email } });
  const unknownEmail = nobody();
  const unknown = await anonApi.post("/api/reset", { headers: SAME_ORIGIN, data: { email: unknownEmail } });
  expect(unknown.status()).toBe(202);
  expect(known.status()).toBe(202);
  expect(await unknown.json()).toEqual(await known.json());

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(unknownEmail);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByTestId("reset-requested")).toContainText(`If an account exists for ${unknownEmail}, we've sent it a link`);

  await resetLinkFor(prisma, account.email);
  expect(await prisma.outboxEmail.count({ where: { to: unknownEmail } })).toBe(0);
});

test("wrong, expired and reused links are refused, and the page says what to do", async ({ page, account, anonApi, prisma }) => {
  expect((await anonApi.post("/api/reset", { headers: SAME_ORIGIN, data: { email: account.email } })).status()).toBe(202);
  const link = await resetLinkFor(prisma, account.email);

  const wrong = await anonApi.post(`/api/reset/${"A".repeat(43)}`, { headers: SAME_ORIGIN, data: { password: NEW_PASSWORD } });
  expect(wrong.status()).toBe(400);
  expect(await wrong.json()).toMatchObject({ code: "token_invalid", attr: "token" });

  await prisma.passwordResetToken.updateMany({ where: { userId: account.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const expired = await anonApi.post(`/api/${link.slice(1)}`, { headers: SAME_ORIGIN, data: { password: NEW_PASSWORD } });
  expect(expired.status()).toBe(400);
  expect(await expired.json()).toMatchObject({ code: "token_expired", attr: "token" });
  await page.goto(link);
  await expect(page.getByText("This reset link has expired. Ask for a new one.")).toBeVisible();
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);

  await prisma.passwordResetToken.updateMany({ where: { userId: account.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
  expect((await anonApi.post(`/api/${link.slice(1)}`, { headers: SAME_ORIGIN, data: { password: NEW_PASSWORD } })).status()).toBe(204);
  const reused = await anonApi.post(`/api/${link.slice(1)}`, { headers: SAME_ORIGIN, data: { password: "second-Attempt-password" } });
  expect(reused.status()).toBe(400);
  expect(await reused.json()).toMatchObject({ code: "token_invalid" });
  expect(await signInAttempt(anonApi, account.email, NEW_PASSWORD)).toBe("signed-in");
});

test("a reset leaves two-factor on: the new password alone gets 2fa_required, the code signs in", async ({ account, userApi, anonApi, prisma }) => {
  const { secret } = await enableTwoFactor(userApi);
  expect((await anonApi.post("/api/reset", { headers: SAME_ORIGIN, data: { email: account.email } })).status()).toBe(202);
  const link = await resetLinkFor(prisma, account.email);
  expect((await anonApi.post(`/api/${link.slice(1)}`, { headers: SAME_ORIGIN, data: { password: NEW_PASSWORD } })).status()).toBe(204);
  expect((await userApi.get("/api/users/@me")).status()).toBe(401);
  expect(await signInAttempt(anonApi, account.email, NEW_PASSWORD)).toBe("2fa_required");
  expect(await signInAttempt(anonApi, account.email, NEW_PASSWORD, await totpCode(secret, 1))).toBe("signed-in");
});

test("per address: the 7th request in a day is 429 whichever client sends it", async ({ account, prisma }) => {
  for (let n = 0; n < 6; n++) {
    const answer = await new LoopbackClient(`127.0.0.${40 + n}`).request("POST", "/api/reset", { json: { email: account.email } });
    expect(answer.status).toBe(202);
  }
  const refused = await new LoopbackClient("127.0.0.46").request("POST", "/api/reset", { json: { email: account.email } });
  expect(refused.status).toBe(429);
  expect(JSON.parse(refused.body)).toMatchObject({ type: "throttled_error", code: "throttled" });
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  await resetLinkFor(prisma, account.email, 6);
});

test("per client address: past 30 requests across addresses one client is refused, others are not", async () => {
  const busy = new LoopbackClient("127.0.0.50");
  for (let n = 0; n < 30; n++) expect((await busy.request("POST", "/api/reset", { json: { email: nobody() } })).status).toBe(202);
  const refused = await busy.request("POST", "/api/reset", { json: { email: nobody() }, headers: { "x-forwarded-for": "192.0.2.77" } });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  expect((await busy.request("POST", `/api/reset/${"A".repeat(43)}`, { json: { password: NEW_PASSWORD } })).status).toBe(429);
  expect((await new LoopbackClient("127.0.0.51").request("POST", "/api/reset", { json: { email: nobody() } })).status).toBe(202);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the reset form, with its errors, passes WCAG 2.2 AA in the ${colorScheme} theme`, async ({ page, account, anonApi, prisma }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    expect((await anonApi.post("/api/reset", { headers: SAME_ORIGIN, data: { email: account.email } })).status()).toBe(202);
    await page.goto(await resetLinkFor(prisma, account.email));
    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.locator("#reset-password-error")).toBeVisible();
    await expect(page.locator("#reset-confirm-error")).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
  });
}
