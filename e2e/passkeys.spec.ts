import type { CDPSession, Page } from "@playwright/test";
import { APP_NAME, E2E_DATABASE_URL } from "../playwright.config";
import { expect, test, type TestUser } from "./support/fixtures";
import { OwnServer, freePort } from "./support/own-server";
import { enableTwoFactor, totpCode } from "./support/two-factor";

// WebAuthn refuses IP addresses as the relying party, and the suite's server is http://127.0.0.1:
// these tests run on a server of their own whose public URL is http://localhost (same database,
// secrets and encryption keys as the suite's server, so two-factor set up there works here).
test.describe.configure({ mode: "serial" });
let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = new OwnServer(
    await freePort(),
    {
      DATABASE_URL: E2E_DATABASE_URL,
      NEXTAUTH_SECRET: "playwright-secret-playwright-secret-0123",
      TWO_FACTOR_ENCRYPTION_KEYS: "e2e:cGxheXdyaWdodC0yZmEta2V5LXBsYXl3cmlnaHQtMDE=",
      APP_NAME,
      LOG_LEVEL: "warn",
    },
    "localhost",
  );
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
});

const at = (path: string) => `${server.baseURL}${path}`;

/** Chromium's virtual platform authenticator (DevTools protocol): resident keys, user verification always given. */
async function virtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  return { cdp, authenticatorId };
}

/**
 * Chromium's virtual authenticator answers the sign-in page's autofill request by itself, as if
 * the person had picked the passkey; tests of the other ways in keep that request from being made.
 */
async function withoutAutofill(page: Page): Promise<void> {
  await page.route("**/api/auth/passkey/autofill_options", (route) => route.abort());
}

async function signInWithPassword(page: Page, account: TestUser): Promise<void> {
  await page.goto(at("/signin"));
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await page.waitForURL(/\/signin/);
}

const passkeysCard = (page: Page) => page.getByRole("region", { name: "Passkeys" });

async function addPasskey(page: Page, name: string): Promise<void> {
  await page.goto(at("/settings/security"));
  const card = passkeysCard(page);
  await card.getByLabel("Passkey name").fill(name);
  await card.getByRole("button", { name: "Add a passkey" }).click();
  await expect(card.getByRole("list", { name: "Passkeys" }).getByText(name, { exact: true })).toBeVisible();
}

test("adds a passkey, signs in with it alone, renames and removes it", async ({ page, account, prisma }) => {
  await withoutAutofill(page);
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  await signInWithPassword(page, account);
  await page.waitForURL(/\/settings\//);

  await addPasskey(page, "Virtual key");
  const card = passkeysCard(page);
  await expect(card.getByText(/never used/)).toBeVisible();
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]!.isResidentCredential).toBe(true);
  const stored = await prisma.passkey.findMany({ where: { userId: account.id } });
  expect(stored.map((row) => row.name)).toEqual(["Virtual key"]);

  await card.getByRole("button", { name: "Rename Virtual key" }).click();
  await card.getByLabel("New name").fill("Laptop");
  await card.getByRole("button", { name: "Save name" }).click();
  await expect(card.getByText("Laptop", { exact: true })).toBeVisible();

  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await page.waitForURL(/\/settings\/profile/);
  const session = await prisma.session.findFirstOrThrow({ where: { userId: account.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
  expect(session.signInMethod).toBe("passkey");

  await page.goto(at("/settings/security"));
  await expect(card.getByText(/last used/)).toBeVisible();
  await card.getByRole("button", { name: "Remove Laptop" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Remove Laptop?" });
  await dialog.getByRole("button", { name: "Remove passkey" }).click();
  await expect(card.getByText("You have no passkeys yet.")).toBeVisible();
  expect(await prisma.passkey.count({ where: { userId: account.id } })).toBe(0);

  // The authenticator still holds it, but the server no longer knows it.
  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByText("That passkey didn't work.")).toBeVisible();
});

test("a passkey stands in for the code as the second factor once the switch is on", async ({ page, account, users, prisma }) => {
  await withoutAutofill(page);
  await virtualAuthenticator(page);
  const { secret } = await enableTwoFactor(await users.signIn(account));

  await signInWithPassword(page, account);
  await page.getByLabel("Authentication code").fill(await totpCode(secret));
  await page.waitForURL(/\/settings\//);

  await page.goto(at("/settings/security"));
  const card = passkeysCard(page);
  const toggle = card.getByRole("switch", { name: "Use passkeys for two-factor" });
  await expect(toggle).toBeDisabled();
  await addPasskey(page, "Phone");
  await expect(toggle).toBeEnabled();
  await toggle.check();
  await expect.poll(async () => (await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).passkeysEnabledFor2fa).toBe(true);

  await signOut(page);
  await signInWithPassword(page, account);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await page.waitForURL(/\/settings\/profile/);
  const session = await prisma.session.findFirstOrThrow({ where: { userId: account.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
  expect(session.signInMethod).toBe("password_passkey");

  // Removing the last passkey turns the switch off.
  await page.goto(at("/settings/security"));
  await card.getByRole("button", { name: "Remove Phone" }).click();
  await page.getByRole("alertdialog", { name: "Remove Phone?" }).getByRole("button", { name: "Remove passkey" }).click();
  await expect(card.getByText("You have no passkeys yet.")).toBeVisible();
  await expect(toggle).not.toBeChecked();
  expect((await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).passkeysEnabledFor2fa).toBe(false);
});

test("next-auth's passkey provider answers a forged or replayed response with passkey_invalid, never a 500", async ({ playwright, prisma }) => {
  const api = await playwright.request.newContext({ baseURL: server.baseURL });
  const attempt = async (form: Record<string, string>) => {
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await api.post("/api/auth/callback/passkey", { form: { csrfToken, ...form, json: "true" }, maxRedirects: 0 });
    const { url } = (await response.json()) as { url: string };
    return { status: response.status(), error: new URL(url).searchParams.get("error") };
  };
  const options = await api.post("/api/auth/passkey/options", { headers: { origin: server.baseURL } });
  expect(options.status()).toBe(200);
  const { challenge_id } = (await options.json()) as { challenge_id: string };
  expect(await attempt({ credential: JSON.stringify({ id: "AAAA", rawId: "AAAA", type: "public-key", response: {} }), challenge: challenge_id })).toEqual({ status: 401, error: "passkey_invalid" });
  // That attempt spent the challenge.
  expect(await prisma.webAuthnChallenge.count({ where: { id: challenge_id } })).toBe(0);
  expect(await attempt({ credential: "{}", challenge: challenge_id })).toEqual({ status: 401, error: "passkey_invalid" });
  expect(await attempt({ credential: "not json", challenge: "not-a-uuid" })).toEqual({ status: 401, error: "passkey_invalid" });
  await api.dispose();
});

test("the sign-in page offers passkeys in the email field's autofill, and picking one signs in", async ({ page, account, prisma }) => {
  await virtualAuthenticator(page);
  await signInWithPassword(page, account);
  await page.waitForURL(/\/settings\//);
  await addPasskey(page, "Autofill key");

  const autofill = page.waitForResponse((response) => response.url().endsWith("/api/auth/passkey/autofill_options"));
  await signOut(page);
  expect((await autofill).status()).toBe(200);
  await expect(page.getByLabel("Email")).toHaveAttribute("autocomplete", "username webauthn");
  // The virtual authenticator picks its passkey from the autofill request, as a person would.
  await page.waitForURL(/\/settings\/profile/);
  const session = await prisma.session.findFirstOrThrow({ where: { userId: account.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
  expect(session.signInMethod).toBe("passkey");
});
