import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;
export const E2E_STAFF = { email: "staff@e2e.test", password: "e2e-staff-password-1" };

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
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/accounts_e2e",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "playwright-secret-playwright-secret-0123",
      E2E_STAFF_EMAIL: E2E_STAFF.email,
      E2E_STAFF_PASSWORD: E2E_STAFF.password,
      RATE_LIMIT_SIGNUP_LIMIT: "10000",
      RATE_LIMIT_SIGNIN_LIMIT: "10000",
      DEV_OUTBOX: "true",
      LOG_LEVEL: "warn",
    },
  },
});
