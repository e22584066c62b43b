import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;
/** The local GitHub the e2e server starts and configures the app with (scripts/local-github). */
export const LOCAL_GITHUB_URL = `http://127.0.0.1:${port + 1}`;
/**
 * Sign-ups per client address: the suite signs up from 127.0.0.1 a dozen times or so;
 * e2e/signin-throttle.spec.ts spends it from an address of its own. Sign-in budgets keep their defaults.
 */
export const E2E_SIGNUP_LIMIT = 60;

/** Set for the e2e server so tests prove the product name is configuration, not copy. */
export const APP_NAME = "Hoglet Accounts";
/** The database the e2e server runs on and the `users` fixture writes to (dropped and re-created per run). */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/accounts_e2e";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      LOCAL_GITHUB_PORT: String(port + 1),
      DATABASE_URL: E2E_DATABASE_URL,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "playwright-secret-playwright-secret-0123",
      TWO_FACTOR_ENCRYPTION_KEYS: "e2e:cGxheXdyaWdodC0yZmEta2V5LXBsYXl3cmlnaHQtMDE=",
      RATE_LIMIT_SIGNUP_LIMIT: String(E2E_SIGNUP_LIMIT),
      DEV_OUTBOX: "true",
      APP_NAME,
      LOG_LEVEL: "warn",
    },
  },
});
