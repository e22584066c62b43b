import { randomUUID } from "node:crypto";
import type { AppPrismaClient } from "@/lib/db/create-client";
import { APP_NAME } from "../playwright.config";
import { expect, PASSWORD, SAME_ORIGIN, test } from "./support/fixtures";
import { signInPage } from "./support/browser";

const LINK = /(\/verify-email\?uuid=[0-9a-f-]{36}&token=[A-Za-z0-9_-]{43})/;
const freshAddress = () => `e2e-new-${randomUUID()}@example.test`;

/** The newest mail to `to` in the dev outbox, waiting briefly for it to be written. */
async function latestMail(prisma: AppPrismaClient, to: string) {
  let mail = null;
  await expect
    .poll(async () => {
      mail = await prisma.outboxEmail.findFirst({ where: { to }, orderBy: { createdAt: "desc" } });
      return mail !== null;
    })
    .toBe(true);
  return mail!;
}

async function linkTo(prisma: AppPrismaClient, to: string): Promise<string> {
  const mail = await latestMail(prisma, to);
  const match = LINK.exec(mail.text);
  if (!match) throw new Error(`no link in the mail to ${to}`);
  return match[1]!;
}

test("change the email address on the Profile page and confirm it from the mailed link", async ({ page, account, prisma }) => {
  await signInPage(page, account);
  await page.goto("/settings/profile");
  const card = page.getByRole("region", { name: "Email", exact: true });
  await expect(card.getByText(account.email)).toBeVisible();
  await expect(card.getByText("Verified", { exact: true })).toBeVisible();

  const email = freshAddress();
  await card.getByLabel("New email address").fill(email);
  await card.getByLabel("Current password").fill(PASSWORD);
  await card.getByRole("button", { name: "Change email" }).click();
  const pending = page.getByRole("region", { name: "Pending email change" });
  await expect(pending).toContainText(email);
  await expect(card.getByText(account.email)).toBeVisible();

  const headsUp = await latestMail(prisma, account.email);
  expect(headsUp.subject).toBe(`${APP_NAME}: Your email address is being changed`);
  const link = await linkTo(prisma, email);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();
  await page.getByRole("link", { name: "Go to your profile" }).click();
  await expect(page.getByRole("region", { name: "Email", exact: true }).getByText(email)).toBeVisible();
  await expect(page.getByRole("region", { name: "Pending email change" })).toHaveCount(0);
  expect(await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ email, pendingEmail: null });
  expect((await latestMail(prisma, account.email)).subject).toBe(`${APP_NAME}: Your email address was changed`);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link doesn't work" })).toBeVisible();
});

test("a wrong password is explained under its field, and a taken address with a wrong password looks the same", async ({ page, account, other }) => {
  await signInPage(page, account);
  await page.goto("/settings/profile");
  const card = page.getByRole("region", { name: "Email", exact: true });
  const passwordError = card.locator("#email-current-password-error");

  await card.getByLabel("New email address").fill(freshAddress());
  await card.getByLabel("Current password").fill("not-the-password");
  await card.getByRole("button", { name: "Change email" }).click();
  await expect(passwordError).toHaveText("Your current password is incorrect.");
  await expect(card.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await card.getByLabel("New email address").fill(other.email);
  await card.getByLabel("Current password").fill("not-the-password");
  await card.getByRole("button", { name: "Change email" }).click();
  await expect(passwordError).toHaveText("Your current password is incorrect.");
  await expect(card.locator("#email-new-error")).toHaveCount(0);

  await card.getByLabel("New email address").fill(account.email.toUpperCase());
  await card.getByRole("button", { name: "Change email" }).click();
  await expect(card.locator("#email-new-error")).toHaveText("That is already your email address.");
});

test("cancel a pending change; its link then no longer works", async ({ page, account, userApi, prisma }) => {
  const email = freshAddress();
  const staged = await userApi.patch("/api/users/@me", { data: { email, current_password: PASSWORD }, headers: SAME_ORIGIN });
  expect(staged.status()).toBe(200);
  const link = await linkTo(prisma, email);

  await signInPage(page, account);
  await page.goto("/settings/profile");
  const pending = page.getByRole("region", { name: "Pending email change" });
  await expect(pending).toContainText(email);
  await pending.getByRole("button", { name: "Resend link" }).click();
  await expect(pending.getByRole("status")).toContainText(`We sent a new link to ${email}`);
  const resent = await linkTo(prisma, email);
  expect(resent).not.toBe(link);

  await pending.getByRole("button", { name: "Cancel change" }).click();
  await expect(pending).toHaveCount(0);
  expect((await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).pendingEmail).toBeNull();

  await page.goto(resent);
  await expect(page.getByRole("heading", { name: "This link doesn't work" })).toBeVisible();
});

test("an expired link says so and offers a new one; a signed-out reader is never signed in", async ({ page, account, userApi, prisma }) => {
  const email = freshAddress();
  expect((await userApi.patch("/api/users/@me", { data: { email, current_password: PASSWORD }, headers: SAME_ORIGIN })).status()).toBe(200);
  const link = await linkTo(prisma, email);
  await prisma.emailVerificationToken.updateMany({ where: { userId: account.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await page.getByRole("button", { name: "Send a new link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "a new one is on its way" })).toBeVisible();
  const fresh = await linkTo(prisma, email);
  expect(fresh).not.toBe(link);

  await page.goto(fresh);
  await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();
  expect((await page.context().cookies()).filter((cookie) => cookie.name.includes("session-token"))).toHaveLength(0);
  await page.goto("/settings/profile");
  await expect(page).toHaveURL(/\/signin/);
});

test("an unverified address shows a badge and resends the verification mail", async ({ page, users, prisma }) => {
  const unverified = await users.create({ verified: false });
  await signInPage(page, unverified);
  await page.goto("/settings/profile");
  const card = page.getByRole("region", { name: "Email", exact: true });
  await expect(card.getByText("Not verified", { exact: true })).toBeVisible();
  await page.getByRole("region", { name: "Unverified email address" }).getByRole("button", { name: "Resend verification email" }).click();
  const link = await linkTo(prisma, unverified.email);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();
  await page.goto("/settings/profile");
  await expect(page.getByRole("region", { name: "Email", exact: true }).getByText("Verified", { exact: true })).toBeVisible();
});

test("the verify page without a token is invalid, and the API answers it as invalid too", async ({ page, anonApi }) => {
  await page.goto("/verify-email");
  await expect(page.getByRole("heading", { name: "This link doesn't work" })).toBeVisible();
  const response = await anonApi.post("/api/users/verify_email", { data: { uuid: randomUUID(), token: "x".repeat(43) }, headers: SAME_ORIGIN });
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ code: "invalid_token", attr: "token" });
});
