import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigError, parseConfig, parseDatabaseConfig } from "@/lib/config-schema";
import { env, overrideEnvForTests, publishPublicUrl, resetEnv, validateEnv } from "@/lib/env";

let restoreEnv = () => {};
afterEach(() => restoreEnv());

function errorOf(vars: Record<string, string>): string {
  try {
    parseConfig(vars);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be refused");
}

/** Names in the first column of the README's Configuration table (`RATE_LIMIT_X_LIMIT` / `_WINDOW_SECONDS` expanded). */
function readmeVariables(): string[] {
  const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
  const section = readme.split("## Configuration")[1]!.split("\n## ")[0]!;
  const names: string[] = [];
  for (const row of section.split("\n").filter((line) => line.startsWith("| `"))) {
    const firstCell = row.split("|")[1]!;
    for (const [, name] of firstCell.matchAll(/`([A-Z_]+)`/g)) {
      names.push(name!.startsWith("_") ? names.at(-1)!.replace(/_LIMIT$/, name!) : name!);
    }
  }
  return names;
}

describe("the configuration schema", () => {
  it("gives every documented default when nothing is set", () => {
    expect(parseConfig({})).toEqual({
      production: false,
      appName: "Accounts",
      databaseUrl: undefined,
      pgliteDir: ".data/pglite",
      databasePoolMax: 10,
      port: 3000,
      authSecret: undefined,
      publicUrl: "http://localhost:3000",
      smtpUrl: undefined,
      mailFrom: "Accounts <no-reply@localhost>",
      devOutbox: true,
      signupEnabled: true,
      sessionMaxAge: 14 * 24 * 60 * 60,
      sessionAbsoluteMaxAge: 14 * 24 * 60 * 60,
      sensitiveActionsAgeSeconds: 2 * 60 * 60,
      emailChangeAgeSeconds: 600,
      maxBodyBytes: 65536,
      activityRetentionDays: 180,
      logLevel: "info",
      trustProxy: false,
      signinMaxDelayMs: 5000,
      twoFactorKeys: undefined,
      twoFactorSetupTtlSeconds: 600,
      passwordResetTtlSeconds: 3600,
      emailVerificationTtlSeconds: 86400,
      rateLimits: {},
      github: null,
    });
  });

  it("defaults NEXTAUTH_URL to localhost on the configured port", () => {
    expect(parseConfig({ PORT: "3101" }).publicUrl).toBe("http://localhost:3101");
    expect(parseConfig({ PORT: "3101", NEXTAUTH_URL: "https://accounts.example.com" }).publicUrl).toBe("https://accounts.example.com");
  });

  it("names the mail sender after APP_NAME unless MAIL_FROM is set", () => {
    expect(parseConfig({ APP_NAME: "Hoglet Accounts" }).mailFrom).toBe("Hoglet Accounts <no-reply@localhost>");
    expect(parseConfig({ APP_NAME: 'Hog, "Inc"' }).mailFrom).toBe('"Hog, \\"Inc\\"" <no-reply@localhost>');
    expect(parseConfig({ APP_NAME: "Hoglet", MAIL_FROM: "Ops <ops@example.com>" }).mailFrom).toBe("Ops <ops@example.com>");
  });

  it("reads blank values as unset", () => {
    expect(parseConfig({ LOG_LEVEL: "", API_MAX_BODY_BYTES: "  ", SIGNUP_ENABLED: "" })).toMatchObject({
      logLevel: "info",
      maxBodyBytes: 65536,
      signupEnabled: true,
    });
  });

  it("parses every documented variable", () => {
    const config = parseConfig({
      DATABASE_URL: "postgresql://app@db.internal:5432/accounts",
      PGLITE_DIR: "/var/lib/accounts",
      DATABASE_POOL_MAX: "25",
      APP_NAME: "Hoglet",
      PORT: "8080",
      NEXTAUTH_SECRET: "s3cret-s3cret-s3cret",
      NEXTAUTH_URL: "https://accounts.example.com",
      SMTP_URL: "smtps://mailer:pw@mail.example.com:465",
      MAIL_FROM: "Accounts <accounts@example.com>",
      DEV_OUTBOX: "true",
      SIGNUP_ENABLED: "false",
      SESSION_MAX_AGE_SECONDS: "3600",
      SESSION_ABSOLUTE_MAX_AGE_SECONDS: "86400",
      SESSION_SENSITIVE_ACTIONS_AGE_SECONDS: "600",
      SESSION_EMAIL_CHANGE_AGE_SECONDS: "120",
      API_MAX_BODY_BYTES: "1024",
      ACTIVITY_RETENTION_DAYS: "30",
      LOG_LEVEL: "debug",
      TRUST_PROXY: "1",
      RATE_LIMIT_SIGNIN_PER_EMAIL_AND_CLIENT_LIMIT: "5",
      RATE_LIMIT_SIGNIN_PER_EMAIL_AND_CLIENT_WINDOW_SECONDS: "60",
      RATE_LIMIT_SIGNIN_PER_CLIENT_LIMIT: "50",
      RATE_LIMIT_SIGNIN_PER_CLIENT_WINDOW_SECONDS: "600",
      RATE_LIMIT_SIGNIN_PER_EMAIL_LIMIT: "20",
      RATE_LIMIT_SIGNIN_PER_EMAIL_WINDOW_SECONDS: "1800",
      SIGNIN_MAX_DELAY_MS: "2500",
      RATE_LIMIT_SIGNUP_LIMIT: "7",
      RATE_LIMIT_SIGNUP_WINDOW_SECONDS: "120",
      TWO_FACTOR_ENCRYPTION_KEYS: `new:${"A".repeat(43)}=, old:${"B".repeat(43)}=`,
      TWO_FACTOR_SETUP_TTL_SECONDS: "120",
      PASSWORD_RESET_TTL_SECONDS: "900",
      EMAIL_VERIFICATION_TTL_SECONDS: "3600",
      RATE_LIMIT_TWO_FACTOR_LIMIT: "3",
      RATE_LIMIT_TWO_FACTOR_WINDOW_SECONDS: "300",
      GITHUB_APP_ID: "4242",
      GITHUB_APP_SLUG: "hoglet-accounts",
      GITHUB_APP_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----\\nMIIB\\n-----END PRIVATE KEY-----",
      GITHUB_APP_CLIENT_ID: "Iv1.abc",
      GITHUB_APP_CLIENT_SECRET: "client-secret",
      GITHUB_WEB_URL: "https://ghe.example.com/",
      GITHUB_API_URL: "https://ghe.example.com/api/v3",
      RATE_LIMIT_GITHUB_REFRESH_LIMIT: "4",
      NODE_ENV: "production",
    });
    expect(config).toEqual({
      production: true,
      appName: "Hoglet",
      databaseUrl: "postgresql://app@db.internal:5432/accounts",
      pgliteDir: "/var/lib/accounts",
      databasePoolMax: 25,
      port: 8080,
      authSecret: "s3cret-s3cret-s3cret",
      publicUrl: "https://accounts.example.com",
      smtpUrl: "smtps://mailer:pw@mail.example.com:465",
      mailFrom: "Accounts <accounts@example.com>",
      devOutbox: true,
      signupEnabled: false,
      sessionMaxAge: 3600,
      sessionAbsoluteMaxAge: 86400,
      sensitiveActionsAgeSeconds: 600,
      emailChangeAgeSeconds: 120,
      maxBodyBytes: 1024,
      activityRetentionDays: 30,
      logLevel: "debug",
      trustProxy: true,
      signinMaxDelayMs: 2500,
      twoFactorKeys: [
        { id: "new", key: Buffer.from(`${"A".repeat(43)}=`, "base64") },
        { id: "old", key: Buffer.from(`${"B".repeat(43)}=`, "base64") },
      ],
      twoFactorSetupTtlSeconds: 120,
      passwordResetTtlSeconds: 900,
      emailVerificationTtlSeconds: 3600,
      rateLimits: {
        signin_per_email_and_client: { limit: 5, windowSeconds: 60 },
        signin_per_client: { limit: 50, windowSeconds: 600 },
        signin_per_email: { limit: 20, windowSeconds: 1800 },
        signup: { limit: 7, windowSeconds: 120 },
        two_factor: { limit: 3, windowSeconds: 300 },
        github_refresh: { limit: 4 },
      },
      github: {
        appId: 4242,
        slug: "hoglet-accounts",
        privateKey: "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----",
        clientId: "Iv1.abc",
        clientSecret: "client-secret",
        webUrl: "https://ghe.example.com",
        apiUrl: "https://ghe.example.com/api/v3",
      },
    });
  });

  it("takes the GitHub App's five variables together or not at all, never quoting the secrets", () => {
    expect(parseConfig({ GITHUB_APP_ID: "1", GITHUB_APP_SLUG: "a", GITHUB_APP_PRIVATE_KEY: "k", GITHUB_APP_CLIENT_ID: "c", GITHUB_APP_CLIENT_SECRET: "s" }).github).toMatchObject({
      webUrl: "https://github.com",
      apiUrl: "https://api.github.com",
    });
    const message = errorOf({ GITHUB_APP_ID: "1", GITHUB_APP_CLIENT_SECRET: "super-secret" });
    expect(message).toContain("GITHUB_APP_SLUG, GITHUB_APP_PRIVATE_KEY, GITHUB_APP_CLIENT_ID");
    expect(message).not.toContain("super-secret");
  });

  it("knows exactly the variables the README documents", () => {
    expect(readmeVariables().sort()).toEqual(CONFIG_VARIABLES.filter((name) => name !== "NODE_ENV").sort());
  });

  it("turns the dev outbox off by default in production only", () => {
    expect(parseConfig({ NODE_ENV: "production" }).devOutbox).toBe(false);
    expect(parseConfig({ NODE_ENV: "production", DEV_OUTBOX: "true" }).devOutbox).toBe(true);
    expect(parseConfig({ NODE_ENV: "development", DEV_OUTBOX: "false" }).devOutbox).toBe(false);
  });

  it("checks budgets added later by their name pattern", () => {
    expect(parseConfig({ RATE_LIMIT_PASSWORD_RESET_LIMIT: "4" }).rateLimits).toEqual({ password_reset: { limit: 4 } });
    expect(errorOf({ RATE_LIMIT_PASSWORD_RESET_WINDOW_SECONDS: "soon" })).toContain(
      'RATE_LIMIT_PASSWORD_RESET_WINDOW_SECONDS must be a positive integer (got "soon")',
    );
  });
});

describe("a bad value", () => {
  it("names the variable, the rule and the value", () => {
    expect(errorOf({ LOG_LEVEL: "verbose" })).toBe(
      'Invalid configuration: LOG_LEVEL must be one of debug, info, warn, error, silent (got "verbose")',
    );
  });

  it.each([
    ["SIGNUP_ENABLED", "yes", "must be true or false"],
    ["TRUST_PROXY", "TRUE", "must be true or false"],
    ["DEV_OUTBOX", "on", "must be true or false"],
    ["SESSION_MAX_AGE_SECONDS", "two weeks", "must be a positive integer"],
    ["SESSION_ABSOLUTE_MAX_AGE_SECONDS", "0", "must be a positive integer"],
    ["SESSION_SENSITIVE_ACTIONS_AGE_SECONDS", "-5", "must be a positive integer"],
    ["API_MAX_BODY_BYTES", "1e3", "must be a positive integer"],
    ["DATABASE_POOL_MAX", "2.5", "must be a positive integer"],
    ["RATE_LIMIT_SIGNIN_LIMIT", "ten", "must be a positive integer"],
    ["PORT", "70000", "must be a port number (1-65535)"],
    ["NEXTAUTH_URL", "accounts.example.com", "must be an http:// or https:// URL"],
  ])("%s=%s is refused", (name, value, rule) => {
    expect(errorOf({ [name]: value })).toBe(`Invalid configuration: ${name} ${rule} (got "${value}")`);
  });

  it("never quotes a value that carries credentials", () => {
    const message = errorOf({ DATABASE_URL: "mysql://root:hunter2@db/app", SMTP_URL: "http://u:hunter3@mail" });
    expect(message).toContain("DATABASE_URL must be a postgresql:// connection URL");
    expect(message).toContain("SMTP_URL must be an smtp:// or smtps:// URL");
    expect(message).not.toMatch(/hunter/);
  });

  it.each([
    ["a key of the wrong length", `k1:${"A".repeat(20)}`],
    ["a key without an id", "A".repeat(44)],
    ["the same id twice", `k1:${"A".repeat(43)}=,k1:${"B".repeat(43)}=`],
  ])("TWO_FACTOR_ENCRYPTION_KEYS with %s is refused, never quoted", (_label, value) => {
    const message = errorOf({ TWO_FACTOR_ENCRYPTION_KEYS: value });
    expect(message).toMatch(/^Invalid configuration: TWO_FACTOR_ENCRYPTION_KEYS /);
    expect(message).not.toContain("AAAA");
  });

  it("is reported together with every other bad one", () => {
    const message = errorOf({ LOG_LEVEL: "loud", SIGNUP_ENABLED: "maybe", API_MAX_BODY_BYTES: "big", PORT: "3000" });
    expect(message).toMatch(/^Invalid configuration: /);
    for (const name of ["LOG_LEVEL", "SIGNUP_ENABLED", "API_MAX_BODY_BYTES"]) expect(message).toContain(`${name} must`);
    expect(message).not.toContain("PORT");
  });

  it("in the database variables is refused by the subset scripts use too", () => {
    expect(() => parseDatabaseConfig({ DATABASE_POOL_MAX: "lots" })).toThrow(
      'Invalid configuration: DATABASE_POOL_MAX must be a positive integer (got "lots")',
    );
    expect(parseDatabaseConfig({ DATABASE_POOL_MAX: "3", LOG_LEVEL: "not-its-business" }).databasePoolMax).toBe(3);
  });
});

describe("env", () => {
  it("parses process.env once and keeps the result until reset", () => {
    expect(env.maxBodyBytes).toBe(65536);
    process.env.API_MAX_BODY_BYTES = "2048";
    try {
      expect(env.maxBodyBytes).toBe(65536);
      resetEnv();
      expect(env.maxBodyBytes).toBe(2048);
    } finally {
      delete process.env.API_MAX_BODY_BYTES;
      resetEnv();
    }
  });

  it("hands the public URL to next-auth, which reads NEXTAUTH_URL itself", () => {
    restoreEnv = overrideEnvForTests({ PORT: "3101", NEXTAUTH_URL: undefined });
    publishPublicUrl();
    expect(process.env.NEXTAUTH_URL).toBe("http://localhost:3101");
  });

  it("takes overrides for a test and puts them back", () => {
    restoreEnv = overrideEnvForTests({ SIGNUP_ENABLED: "false", NEXTAUTH_URL: "https://accounts.example.com" });
    expect(env.signupEnabled).toBe(false);
    expect(env.secureCookies).toBe(true);
    restoreEnv();
    expect(env.signupEnabled).toBe(true);
    expect(env.publicUrl).toBe("http://localhost:3000");
    expect(env.secureCookies).toBe(false);
  });

  it("throws the configuration error on first read of a bad value", () => {
    restoreEnv = overrideEnvForTests({ LOG_LEVEL: "verbose" });
    expect(() => env.logLevel).toThrow('LOG_LEVEL must be one of debug, info, warn, error, silent (got "verbose")');
    expect(() => validateEnv()).toThrow("LOG_LEVEL");
  });

  it("keeps the rate-limit fallbacks unless a budget is configured", () => {
    restoreEnv = overrideEnvForTests({ RATE_LIMIT_SIGNIN_PER_CLIENT_LIMIT: "3" });
    expect(env.rateLimit("signin_per_client", { limit: 100, windowSeconds: 900 })).toEqual({ limit: 3, windowSeconds: 900 });
    expect(env.rateLimit("signup", { limit: 50, windowSeconds: 3600 })).toEqual({ limit: 50, windowSeconds: 3600 });
  });

  it("requires NEXTAUTH_SECRET in production when read or at start-up, but not while building", () => {
    restoreEnv = overrideEnvForTests({ NODE_ENV: "production", NEXTAUTH_SECRET: undefined, NEXT_PHASE: undefined });
    expect(env.signupEnabled).toBe(true);
    expect(() => env.authSecret).toThrow("NEXTAUTH_SECRET must be set in production");
    expect(() => validateEnv()).toThrow("NEXTAUTH_SECRET must be set in production");
    process.env.NEXT_PHASE = "phase-production-build";
    expect(() => validateEnv()).not.toThrow();
  });

  it("falls back to a development secret outside production", () => {
    restoreEnv = overrideEnvForTests({ NODE_ENV: "development", NEXTAUTH_SECRET: undefined });
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
  });
});
