import "server-only";
import { ConfigError, parseConfig, type Config, type EncryptionKey, type GitHubAppConfig, type LogLevel, type RateLimitOverride } from "./config-schema";

const DEV_SECRET = "insecure-development-secret-change-me-0123456789";

// On globalThis: Next may evaluate this module once per bundle, and the parse should still happen once.
const globalForEnv = globalThis as unknown as { appConfig?: Config };

function config(): Config {
  globalForEnv.appConfig ??= parseConfig(process.env);
  return globalForEnv.appConfig;
}

/** Drops the parsed configuration so the next read sees `process.env` as it is now. */
export function resetEnv(): void {
  globalForEnv.appConfig = undefined;
}

/** Sets (or, with `undefined`, unsets) variables for a test; the returned function puts them back. */
export function overrideEnvForTests(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnv();
  };
  apply(vars);
  return () => apply(saved);
}

/**
 * For start-up (instrumentation): every variable parsed, and in production the secret required.
 * A production build (`next build`) runs without a secret, so the build phase skips that check.
 */
export function validateEnv(): void {
  config();
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    void env.authSecret;
    void env.twoFactorKeys;
  }
}

/**
 * next-auth reads `process.env.NEXTAUTH_URL` itself (sign-out and sign-in redirects) and on its
 * own falls back to port 3000 whatever `PORT` says; give it the configured default instead.
 */
export function publishPublicUrl(): void {
  process.env.NEXTAUTH_URL = config().publicUrl;
}

// Outside production only: a fixed key, so development and tests need no setup.
const DEV_TWO_FACTOR_KEY: EncryptionKey = { id: "dev", key: Buffer.alloc(32, "insecure-development-2fa-key") };

export const env = {
  /** Keys for TOTP secrets at rest: the first encrypts, every one decrypts. */
  get twoFactorKeys(): EncryptionKey[] {
    const { twoFactorKeys, production } = config();
    if (twoFactorKeys) return twoFactorKeys;
    if (production) throw new ConfigError(["TWO_FACTOR_ENCRYPTION_KEYS must be set in production"]);
    return [DEV_TWO_FACTOR_KEY];
  },
  /** How long a started two-factor setup waits for its first code. */
  get twoFactorSetupTtlSeconds(): number {
    return config().twoFactorSetupTtlSeconds;
  },
  get passwordResetTtlSeconds(): number {
    return config().passwordResetTtlSeconds;
  },
  /** How long a mailed email-verification link works. */
  get emailVerificationTtlSeconds(): number {
    return config().emailVerificationTtlSeconds;
  },
  get appName(): string {
    return config().appName;
  },
  /** The GitHub App, or null when not configured (the Integrations page says so). */
  get github(): GitHubAppConfig | null {
    return config().github;
  },
  get authSecret(): string {
    const { authSecret, production } = config();
    if (authSecret) return authSecret;
    if (production) throw new ConfigError(["NEXTAUTH_SECRET must be set in production"]);
    return DEV_SECRET;
  },
  /** Secure cookies (with the __Secure- prefix) whenever the app is served over HTTPS. */
  get secureCookies(): boolean {
    return config().publicUrl.startsWith("https://");
  },
  /** Sliding session lifetime in seconds (renewed while the user is active). */
  get sessionMaxAge(): number {
    return config().sessionMaxAge;
  },
  /** Absolute session lifetime in seconds, counted from sign-in, however active the user is. */
  get sessionAbsoluteMaxAge(): number {
    return config().sessionAbsoluteMaxAge;
  },
  /** How long after sign-in a session may still perform sensitive actions. */
  get sensitiveActionsAgeSeconds(): number {
    return config().sensitiveActionsAgeSeconds;
  },
  get emailChangeAgeSeconds(): number {
    return config().emailChangeAgeSeconds;
  },
  get signupEnabled(): boolean {
    return config().signupEnabled;
  },
  get trustProxy(): boolean {
    return config().trustProxy;
  },
  /** The longest a sign-in on an email under attack is held back. */
  get signinMaxDelayMs(): number {
    return config().signinMaxDelayMs;
  },
  get maxBodyBytes(): number {
    return config().maxBodyBytes;
  },
  get activityRetentionDays(): number {
    return config().activityRetentionDays;
  },
  get logLevel(): LogLevel {
    return config().logLevel;
  },
  /** `NEXTAUTH_URL`, defaulting to `http://localhost:$PORT`; `publishPublicUrl` hands it to next-auth. */
  get publicUrl(): string {
    return config().publicUrl;
  },
  get port(): number {
    return config().port;
  },
  get smtpUrl(): string | undefined {
    return config().smtpUrl;
  },
  get mailFrom(): string {
    return config().mailFrom;
  },
  /** `DEV_OUTBOX`, defaulting to on outside production builds. */
  get devOutbox(): boolean {
    return config().devOutbox;
  },
  get databaseUrl(): string | undefined {
    return config().databaseUrl;
  },
  get pgliteDir(): string {
    return config().pgliteDir;
  },
  get databasePoolMax(): number {
    return config().databasePoolMax;
  },
  get production(): boolean {
    return config().production;
  },
  rateLimit(name: string, fallback: Required<RateLimitOverride>): Required<RateLimitOverride> {
    const configured = config().rateLimits[name.toLowerCase()];
    return { limit: configured?.limit ?? fallback.limit, windowSeconds: configured?.windowSeconds ?? fallback.windowSeconds };
  },
};
