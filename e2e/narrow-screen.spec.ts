import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import type { AppPrismaClient } from "@/lib/db/create-client";
import { expect, test, type TestUser } from "./support/fixtures";
import { signInPage } from "./support/browser";

// A phone held upright (iPhone 12–15 class).
test.use({ viewport: { width: 390, height: 844 } });

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.content).toBeLessThanOrEqual(widths.viewport);
}

/** Where the rendered address starts a new line: each break must fall before `@` or `.`, or after a hyphen. */
async function lineBreaksOf(email: Locator): Promise<string[]> {
  return email.evaluate((element) => {
    const chars: { char: string; top: number }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let index = 0; index < (node.textContent ?? "").length; index++) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        chars.push({ char: node.textContent![index]!, top: range.getBoundingClientRect().top });
      }
    }
    const breaks: string[] = [];
    for (let index = 1; index < chars.length; index++) {
      if (chars[index]!.top > chars[index - 1]!.top + 1) breaks.push(`${chars[index - 1]!.char}|${chars[index]!.char}`);
    }
    return breaks;
  });
}

/** No hyphens to break after, and too wide for a 390 px card, though each part fits: only <wbr> points or mid-word remain. */
async function giveLongEmail(prisma: AppPrismaClient, user: TestUser): Promise<TestUser> {
  const email = `adalovelace${randomBytes(3).toString("hex")}@analyticalengine.example.test`;
  await prisma.user.update({ where: { id: user.id }, data: { email } });
  return { ...user, email };
}

function expectSensibleBreaks(breaks: string[]): void {
  for (const at of breaks) expect(at, `a line break inside the address at ${at}`).toMatch(/^(-\|.|.\|[@.])$/);
}

test("the profile card wraps the email at its @ and dots, and the badge keeps its size", async ({ page, prisma, account: fixtureAccount }) => {
  const account = await giveLongEmail(prisma, fixtureAccount);
  await signInPage(page, account);
  await page.goto("/settings/profile");
  const email = page.locator(".facts__value .email-text");
  await expect(email).toHaveText(account.email);
  const breaks = await lineBreaksOf(email);
  expect(breaks.length).toBeGreaterThan(0);
  expectSensibleBreaks(breaks);
  const badge = await page.locator(".facts__value .badge").boundingBox();
  expect(badge?.width).toBeLessThan(100);
  await expectNoSidewaysScroll(page);
});

test("the admin table's stacked rows wrap emails sensibly and the Staff badge stays a badge", async ({ page, prisma, staff: fixtureStaff, other }) => {
  const staff = await giveLongEmail(prisma, fixtureStaff);
  await signInPage(page, staff);
  await page.goto("/admin/users");
  for (const user of [staff, other]) {
    const email = page.getByRole("row").filter({ hasText: user.email }).locator(".email-text");
    await expect(email).toHaveText(user.email);
    expectSensibleBreaks(await lineBreaksOf(email));
  }
  const badge = await page.getByRole("row").filter({ hasText: staff.email }).locator('td[data-label="Staff"] .badge').boundingBox();
  expect(badge?.width).toBeLessThan(100);
  await expectNoSidewaysScroll(page);
});
