import path from "node:path";
import { defineConfig } from "vitest/config";
import { testDatabaseUrl } from "./tests/support/test-database";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Server modules guard against client bundling; tests run them in Node directly.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    env: {
      DATABASE_URL: testDatabaseUrl(),
      NEXTAUTH_SECRET: "vitest-secret-vitest-secret-vitest-secret",
      NEXTAUTH_URL: "http://localhost:3000",
      DATABASE_POOL_MAX: "4",
      LOG_LEVEL: "error",
    },
  },
});
