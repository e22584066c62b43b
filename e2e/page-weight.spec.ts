import { gzipSync } from "node:zlib";
import type { Browser, Page } from "@playwright/test";
import { expect, SAME_ORIGIN, test, type TestUser } from "./support/fixtures";
import { signIn } from "./support/sign-in";

/** The issue's budget: JavaScript each settings page ships on first load, gzip, the hedgehog's lazy chunk apart. */
const BUDGET_BYTES = 200 * 1000;

/** Strings found only in @posthog/hedgehog-mode's code (its renderer's root id, its still sprite's frame name). */
const PACKAGE_MARKERS = ["hedgehog-mode-root", "/idle/tile000.png"];
/** pixi's WebGL context system, in the renderer chunk the package loads only when a game starts. */
const RENDERER_MARKER = "webglcontextrestored";
/** zod's core names its base type so; forms load it on their first validation, never with the page. */
const ZOD_MARKER = '"$ZodType"';

const PAGES = [
  { path: "/settings/profile", staff: false },
  { path: "/settings/preferences", staff: false },
  { path: "/settings/hedgehog", staff: false },
  { path: "/settings/security", staff: false },
  { path: "/settings/api-keys", staff: false },
  { path: "/settings/integrations", staff: false },
  { path: "/settings/activity", staff: false },
  { path: "/admin/users", staff: true },
  { path: "/admin/audit", staff: true },
];

interface Script {
  url: string;
  gzipBytes: number;
  hedgehogPackage: boolean;
  renderer: boolean;
  zod: boolean;
}

/** Every JavaScript response the page receives from now on, with its gzip size. */
function collectScripts(page: Page): Script[] {
  const scripts: Script[] = [];
  page.on("response", async (response) => {
    const type = response.request().resourceType();
    if (type !== "script" && !response.url().endsWith(".js")) return;
    try {
      const body = await response.body();
      const text = body.toString("utf8");
      scripts.push({
        url: response.url(),
        gzipBytes: gzipSync(body).length,
        hedgehogPackage: PACKAGE_MARKERS.some((marker) => text.includes(marker)),
        renderer: text.includes(RENDERER_MARKER),
        zod: text.includes(ZOD_MARKER),
      });
    } catch {
      // A response without a body (redirect, aborted prefetch) ships no code.
    }
  });
  return scripts;
}

/** The scripts the document itself names: what the page needs to hydrate, before any prefetch or lazy chunk. */
function documentScripts(html: string): Set<string> {
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? "").filter((attributes) => !/\snomodule/i.test(attributes));
  return new Set(tags.flatMap((attributes) => [...attributes.matchAll(/\ssrc="([^"]+)"/g)].map((src) => new URL(src[1] ?? "", "http://x").pathname)));
}

/** A fresh context per page, so nothing comes from another page's cache. */
async function openPage(browser: Browser, user: TestUser, path: string) {
  const context = await browser.newContext();
  await signIn(context.request, user.email, user.password);
  const page = await context.newPage();
  const scripts = collectScripts(page);
  const response = await page.goto(path);
  const named = documentScripts((await response?.text()) ?? "");
  await expect(page.locator("h1")).toHaveCount(1);
  await page.waitForLoadState("networkidle");
  const firstLoad = () => scripts.filter((script) => named.has(new URL(script.url).pathname));
  return { context, page, scripts, firstLoad };
}

const total = (scripts: readonly Script[]) => scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

for (const { path, staff: asStaff } of PAGES) {
  test(`${path} ships at most ${kb(BUDGET_BYTES)} of JavaScript (gzip)`, async ({ browser, account, staff }) => {
    const { context, scripts, firstLoad } = await openPage(browser, asStaff ? staff : account, path);
    const lazyHedgehog = scripts.filter((script) => script.hedgehogPackage);
    const shipped = firstLoad();
    test.info().annotations.push({
      type: "gzip JS",
      description: `${path}: first load ${kb(total(shipped))}; by network idle ${kb(total(scripts.filter((script) => !script.hedgehogPackage)))}${lazyHedgehog.length ? ` + hedgehog chunk ${kb(total(lazyHedgehog))}` : ""}`,
    });
    expect(shipped.length).toBeGreaterThan(0);
    expect(shipped.filter((script) => script.hedgehogPackage), "the package is never in the first load").toEqual([]);
    const chunks = `${path}: ${shipped.map((script) => `${new URL(script.url).pathname} ${script.gzipBytes}`).join(", ")}`;
    expect(total(shipped), chunks).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(scripts.filter((script) => script.zod).map((script) => script.url), "no zod before a form validates").toEqual([]);
    if (path === "/settings/hedgehog") {
      expect(lazyHedgehog, "the preview loads the package's chunk").toHaveLength(1);
    } else {
      expect(lazyHedgehog.map((script) => script.url), "no hedgehog code without a hedgehog to draw").toEqual([]);
    }
    expect(scripts.filter((script) => script.renderer).map((script) => script.url), "no animated renderer before it is asked for").toEqual([]);
    await context.close();
  });
}

test("a form loads zod with its first validation, and still refuses what the rule refuses", async ({ browser, account }) => {
  const { context, page, scripts } = await openPage(browser, account, "/settings/profile");
  expect(scripts.filter((script) => script.zod)).toEqual([]);
  await page.getByLabel("First name").fill(" ");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("First name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter your first name.").first()).toBeVisible();
  expect(scripts.filter((script) => script.zod).length).toBeGreaterThan(0);
  await context.close();
});

test("the animated renderer's code arrives only after “Let it play”", async ({ browser, account }) => {
  const { context, page, scripts } = await openPage(browser, account, "/settings/hedgehog");
  expect(scripts.filter((script) => script.renderer)).toEqual([]);
  const before = scripts.length;
  await page.getByRole("button", { name: "Let it play" }).click();
  await expect(page.getByTestId("hedgehog-game")).toHaveAttribute("data-state", "playing", { timeout: 20_000 });
  const loadedOnDemand = scripts.slice(before);
  expect(loadedOnDemand.filter((script) => script.renderer).length).toBeGreaterThan(0);
  test.info().annotations.push({ type: "gzip JS", description: `loaded by "Let it play": ${kb(total(loadedOnDemand))}` });
  await context.close();
});

test("with the hedgehog as profile picture, other pages fetch the package after first paint, for the avatar only", async ({ browser, account, userApi }) => {
  const saved = await userApi.patch("/api/users/@me/hedgehog_config/", {
    headers: SAME_ORIGIN,
    data: { version: 2, use_as_profile: true, actor_options: { skin: "default", accessories: ["cap"] } },
  });
  expect(saved.status()).toBe(200);
  const { context, page, scripts, firstLoad } = await openPage(browser, account, "/settings/profile");
  await expect(page.getByRole("banner").locator('.account-avatar[data-avatar="hedgehog"]')).toBeVisible();
  const lazyHedgehog = scripts.filter((script) => script.hedgehogPackage);
  expect(lazyHedgehog).toHaveLength(1);
  expect(firstLoad().filter((script) => script.hedgehogPackage)).toEqual([]);
  expect(scripts.filter((script) => script.renderer)).toEqual([]);
  test.info().annotations.push({ type: "gzip JS", description: `profile with hedgehog avatar: +${kb(total(lazyHedgehog))}` });
  await context.close();
});
