import { z } from "zod";

// No `server-only` here: the database modules and scripts run under plain tsx, outside React's server condition.

export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type Vars = Record<string, string | undefined>;
type Check<T> = (raw: string) => { value: T } | { rule: string };

/** Values of these are never quoted in an error: they carry credentials. */
const SENSITIVE = new Set(["DATABASE_URL", "NEXTAUTH_SECRET", "SMTP_URL", "TWO_FACTOR_ENCRYPTION_KEYS", "GITHUB_APP_PRIVATE_KEY", "GITHUB_APP_CLIENT_SECRET"]);

/** An unset or blank variable reads as `undefined` (an `.env` file's `FOO=` means "not set"). */
function variable<T>(check: Check<T>) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined => {
      const trimmed = raw?.trim();
      if (trimmed === undefined || trimmed === "") return undefined;
      const result = check(trimmed);
      if ("value" in result) return result.value;
      ctx.addIssue({ code: "custom", message: result.rule });
      return z.NEVER;
    });
}

const positiveIntCheck: Check<number> = (raw) => {
  const value = Number(raw);
  return /^\d+$/.test(raw) && Number.isSafeInteger(value) && value > 0 ? { value } : { rule: "must be a positive integer" };
};

export const positiveInt = (fallback: number) => variable(positiveIntCheck).transform((value) => value ?? fallback);
export const optionalPositiveInt = () => variable(positiveIntCheck);

const BOOLEANS: Record<string, boolean> = { true: true, false: false, "1": true, "0": false };
export const booleanFlag = (fallback: boolean) =>
  variable((raw) => (raw in BOOLEANS ? { value: BOOLEANS[raw] as boolean } : { rule: "must be true or false" })).transform(
    (value) => value ?? fallback,
  );
const optionalBooleanFlag = () =>
  variable((raw) => (raw in BOOLEANS ? { value: BOOLEANS[raw] as boolean } : { rule: "must be true or false" }));

const urlWithProtocol = (protocols: string[], label: string) =>
  variable((raw) => {
    try {
      const url = new URL(raw);
      if (protocols.includes(url.protocol)) return { value: raw };
    } catch {
      // falls through to the rule below
    }
    return { rule: `must be ${label}` };
  });

const text = () => variable((raw) => ({ value: raw }));

const port = variable((raw) => {
  const value = Number(raw);
  return /^\d+$/.test(raw) && value >= 1 && value <= 65535 ? { value } : { rule: "must be a port number (1-65535)" };
});

const logLevel = variable((raw) =>
  (LOG_LEVELS as readonly string[]).includes(raw)
    ? { value: raw as LogLevel }
    : { rule: `must be one of ${LOG_LEVELS.join(", ")}` },
);

const FOURTEEN_DAYS = 14 * 24 * 60 * 60;

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** `id:base64-of-32-bytes`, comma-separated; the first encrypts, all of them decrypt (rotation). */
const encryptionKeys = variable<EncryptionKey[]>((raw) => {
  const keys: EncryptionKey[] = [];
  for (const entry of raw.split(",").map((part) => part.trim()).filter(Boolean)) {
    const match = /^([A-Za-z0-9_-]{1,40}):([A-Za-z0-9+/_-]+=*)$/.exec(entry);
    const key = match ? Buffer.from(match[2]!, "base64") : null;
    if (!match || !key || key.length !== 32) return { rule: "must be id:key pairs, each key 32 bytes in base64, separated by commas" };
    if (keys.some((known) => known.id === match[1])) return { rule: `names key id "${match[1]}" twice` };
    keys.push({ id: match[1]!, key });
  }
  return keys.length > 0 ? { value: keys } : { rule: "must name at least one key" };
});

export const DEFAULT_APP_NAME = "Accounts";

/** The product name as a sender; quoted when it holds characters an address list would misread. */
export function defaultMailFrom(appName: string): string {
  const displayName = /^[\p{L}\p{N} ._-]+$/u.test(appName) ? appName : `"${appName.replace(/["\\]/g, "\\$&")}"`;
  return `${displayName} <no-reply@localhost>`;
}

export const databaseShape = {
  DATABASE_URL: urlWithProtocol(["postgresql:", "postgres:"], "a postgresql:// connection URL"),
  PGLITE_DIR: text().transform((value) => value ?? ".data/pglite"),
  DATABASE_POOL_MAX: positiveInt(10),
};

const shape = {
  ...databaseShape,
  NODE_ENV: text(),
  APP_NAME: text().transform((value) => value ?? DEFAULT_APP_NAME),
  PORT: port.transform((value) => value ?? 3000),
  NEXTAUTH_SECRET: text(),
  NEXTAUTH_URL: urlWithProtocol(["http:", "https:"], "an http:// or https:// URL"),
  SMTP_URL: urlWithProtocol(["smtp:", "smtps:"], "an smtp:// or smtps:// URL"),
  MAIL_FROM: text(),
  DEV_OUTBOX: optionalBooleanFlag(),
  SIGNUP_ENABLED: booleanFlag(true),
  SESSION_MAX_AGE_SECONDS: positiveInt(FOURTEEN_DAYS),
  SESSION_ABSOLUTE_MAX_AGE_SECONDS: positiveInt(FOURTEEN_DAYS),
  SESSION_SENSITIVE_ACTIONS_AGE_SECONDS: positiveInt(2 * 60 * 60),
  SESSION_EMAIL_CHANGE_AGE_SECONDS: positiveInt(10 * 60),
  API_MAX_BODY_BYTES: positiveInt(64 * 1024),
  ACTIVITY_RETENTION_DAYS: positiveInt(180),
  LOG_LEVEL: logLevel.transform((value) => value ?? "info"),
  TRUST_PROXY: booleanFlag(false),
  RATE_LIMIT_SIGNIN_PER_EMAIL_AND_CLIENT_LIMIT: optionalPositiveInt(),
  RATE_LIMIT_SIGNIN_PER_EMAIL_AND_CLIENT_WINDOW_SECONDS: optionalPositiveInt(),
  RATE_LIMIT_SIGNIN_PER_CLIENT_LIMIT: optionalPositiveInt(),
  RATE_LIMIT_SIGNIN_PER_CLIENT_WINDOW_SECONDS: optionalPositiveInt(),
  RATE_LIMIT_SIGNIN_PER_EMAIL_LIMIT: optionalPositiveInt(),
  RATE_LIMIT_SIGNIN_PER_EMAIL_WINDOW_SECONDS: optionalPositiveInt(),
  SIGNIN_MAX_DELAY_MS: positiveInt(5000),
  RATE_LIMIT_SIGNUP_LIMIT: optionalPositiveInt(),
  RATE_LIMIT_SIGNUP_WINDOW_SECONDS: optionalPositiveInt(),
  TWO_FACTOR_ENCRYPTION_KEYS: encryptionKeys,
  TWO_FACTOR_SETUP_TTL_SECONDS: positiveInt(10 * 60),
  RATE_LIMIT_TWO_FACTOR_LIMIT: optionalPositiveInt(),
  RATE_LIMIT_TWO_FACTOR_WINDOW_SECONDS: optionalPositiveInt(),
  PASSWORD_RESET_TTL_SECONDS: positiveInt(60 * 60),
  RATE_LIMIT_PASSWORD_RESET_PER_EMAIL_LIMIT: optionalPositiveInt(),
  RATE_LIMIT_PASSWORD_RESET_PER_EMAIL_WINDOW_SECONDS: optionalPositiveInt(),
  RATE_LIMIT_PASSWORD_RESET_PER_CLIENT_LIMIT: optionalPositiveInt(),
  RATE_LIMIT_PASSWORD_RESET_PER_CLIENT_WINDOW_SECONDS: optionalPositiveInt(),
  RATE_LIMIT_PASSWORD_CHANGE_LIMIT: optionalPositiveInt(),
  RATE_LIMIT_PASSWORD_CHANGE_WINDOW_SECONDS: optionalPositiveInt(),
  EMAIL_VERIFICATION_TTL_SECONDS: positiveInt(24 * 60 * 60),
  RATE_LIMIT_EMAIL_VERIFICATION_MAIL_LIMIT: optionalPositiveInt(),
  RATE_LIMIT_EMAIL_VERIFICATION_MAIL_WINDOW_SECONDS: optionalPositiveInt(),
  RATE_LIMIT_EMAIL_VERIFICATION_ATTEMPT_LIMIT: optionalPositiveInt(),
  RATE_LIMIT_EMAIL_VERIFICATION_ATTEMPT_WINDOW_SECONDS: optionalPositiveInt(),
  RATE_LIMIT_EMAIL_CHANGE_PASSWORD_LIMIT: optionalPositiveInt(),
  RATE_LIMIT_EMAIL_CHANGE_PASSWORD_WINDOW_SECONDS: optionalPositiveInt(),
  GITHUB_APP_ID: optionalPositiveInt(),
  GITHUB_APP_SLUG: text(),
  GITHUB_APP_PRIVATE_KEY: text(),
  GITHUB_APP_CLIENT_ID: text(),
  GITHUB_APP_CLIENT_SECRET: text(),
  GITHUB_WEB_URL: urlWithProtocol(["http:", "https:"], "an http:// or https:// URL"),
  GITHUB_API_URL: urlWithProtocol(["http:", "https:"], "an http:// or https:// URL"),
  RATE_LIMIT_GITHUB_REFRESH_LIMIT: optionalPositiveInt(),
  RATE_LIMIT_GITHUB_REFRESH_WINDOW_SECONDS: optionalPositiveInt(),
  RATE_LIMIT_PASSKEY_CHALLENGE_LIMIT: optionalPositiveInt(),
  RATE_LIMIT_PASSKEY_CHALLENGE_WINDOW_SECONDS: optionalPositiveInt(),
  RATE_LIMIT_PASSKEY_AUTOFILL_LIMIT: optionalPositiveInt(),
  RATE_LIMIT_PASSKEY_AUTOFILL_WINDOW_SECONDS: optionalPositiveInt(),
};

const GITHUB_APP_VARIABLES = ["GITHUB_APP_ID", "GITHUB_APP_SLUG", "GITHUB_APP_PRIVATE_KEY", "GITHUB_APP_CLIENT_ID", "GITHUB_APP_CLIENT_SECRET"] as const;

/** The GitHub App the integrations use; all five of its variables or none (GitHub is then "not configured"). */
export interface GitHubAppConfig {
  appId: number;
  slug: string;
  /** PEM; a one-line value with `\n` escapes is unfolded. */
  privateKey: string;
  clientId: string;
  clientSecret: string;
  /** github.com, or a GitHub Enterprise Server / the local GitHub: where people install and authorize. */
  webUrl: string;
  /** api.github.com, or `<server>/api/v3`. */
  apiUrl: string;
}

/** Every variable the configuration reads (the README's Configuration table lists the same ones, bar NODE_ENV). */
export const CONFIG_VARIABLES = Object.keys(shape);

/** Budgets added later need no schema change: any `RATE_LIMIT_<NAME>_LIMIT` / `_WINDOW_SECONDS` is checked the same way. */
const RATE_LIMIT_VARIABLE = /^RATE_LIMIT_([A-Z0-9]+(?:_[A-Z0-9]+)*?)_(LIMIT|WINDOW_SECONDS)$/;

export interface RateLimitOverride {
  limit?: number;
  windowSeconds?: number;
}

export interface Config {
  production: boolean;
  /** The product's one name: page titles, the header brand, auth pages, mail. */
  appName: string;
  databaseUrl: string | undefined;
  pgliteDir: string;
  databasePoolMax: number;
  port: number;
  /** Presence is checked where it is read, so a production build works without one. */
  authSecret: string | undefined;
  /** `NEXTAUTH_URL`, or `http://localhost:$PORT` when unset. */
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  devOutbox: boolean;
  signupEnabled: boolean;
  sessionMaxAge: number;
  sessionAbsoluteMaxAge: number;
  sensitiveActionsAgeSeconds: number;
  /** An email change needs a fresher sign-in than the other sensitive actions. */
  emailChangeAgeSeconds: number;
  maxBodyBytes: number;
  /** How long account activity is kept before `npm run activity:prune` removes it. */
  activityRetentionDays: number;
  logLevel: LogLevel;
  trustProxy: boolean;
  signinMaxDelayMs: number;
  /** Unset outside production means a fixed development key (see env.ts). */
  twoFactorKeys: EncryptionKey[] | undefined;
  twoFactorSetupTtlSeconds: number;
  /** How long a forgot-password link works. */
  passwordResetTtlSeconds: number;
  emailVerificationTtlSeconds: number;
  /** Keyed by budget name in lower case (`signup`, `signin_per_client`, …). */
  rateLimits: Record<string, RateLimitOverride>;
  github: GitHubAppConfig | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

function parseWith<S extends z.ZodRawShape>(objectShape: S, vars: Vars): z.output<z.ZodObject<S>> {
  const result = z.object(objectShape).safeParse(vars);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const raw = vars[name];
    return SENSITIVE.has(name) ? `${name} ${issue.message}` : `${name} ${issue.message} (got ${JSON.stringify(raw)})`;
  });
  throw new ConfigError(problems);
}

/** The database subset, for modules that scripts load without the rest of the app. */
export function parseDatabaseConfig(vars: Vars): Pick<Config, "databaseUrl" | "pgliteDir" | "databasePoolMax"> {
  const parsed = parseWith(databaseShape, vars);
  return { databaseUrl: parsed.DATABASE_URL, pgliteDir: parsed.PGLITE_DIR, databasePoolMax: parsed.DATABASE_POOL_MAX };
}

/** Parses every variable at once and reports every bad one in a single error. */
export function parseConfig(vars: Vars): Config {
  const extraRateLimits = Object.keys(vars).filter((key) => RATE_LIMIT_VARIABLE.test(key) && !(key in shape));
  const parsed = parseWith({ ...shape, ...Object.fromEntries(extraRateLimits.map((key) => [key, optionalPositiveInt()])) }, vars);
  const production = parsed.NODE_ENV === "production";

  const rateLimits: Record<string, RateLimitOverride> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const match = RATE_LIMIT_VARIABLE.exec(key);
    if (!match || typeof value !== "number") continue;
    const budget = (rateLimits[match[1]!.toLowerCase()] ??= {});
    if (match[2] === "LIMIT") budget.limit = value;
    else budget.windowSeconds = value;
  }

  return {
    production,
    appName: parsed.APP_NAME,
    databaseUrl: parsed.DATABASE_URL,
    pgliteDir: parsed.PGLITE_DIR,
    databasePoolMax: parsed.DATABASE_POOL_MAX,
    port: parsed.PORT,
    authSecret: parsed.NEXTAUTH_SECRET,
    publicUrl: parsed.NEXTAUTH_URL ?? `http://localhost:${parsed.PORT}`,
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM ?? defaultMailFrom(parsed.APP_NAME),
    devOutbox: parsed.DEV_OUTBOX ?? !production,
    signupEnabled: parsed.SIGNUP_ENABLED,
    sessionMaxAge: parsed.SESSION_MAX_AGE_SECONDS,
    sessionAbsoluteMaxAge: parsed.SESSION_ABSOLUTE_MAX_AGE_SECONDS,
    sensitiveActionsAgeSeconds: parsed.SESSION_SENSITIVE_ACTIONS_AGE_SECONDS,
    emailChangeAgeSeconds: parsed.SESSION_EMAIL_CHANGE_AGE_SECONDS,
    maxBodyBytes: parsed.API_MAX_BODY_BYTES,
    activityRetentionDays: parsed.ACTIVITY_RETENTION_DAYS,
    logLevel: parsed.LOG_LEVEL,
    trustProxy: parsed.TRUST_PROXY,
    signinMaxDelayMs: parsed.SIGNIN_MAX_DELAY_MS,
    twoFactorKeys: parsed.TWO_FACTOR_ENCRYPTION_KEYS,
    twoFactorSetupTtlSeconds: parsed.TWO_FACTOR_SETUP_TTL_SECONDS,
    passwordResetTtlSeconds: parsed.PASSWORD_RESET_TTL_SECONDS,
    emailVerificationTtlSeconds: parsed.EMAIL_VERIFICATION_TTL_SECONDS,
    rateLimits,
    github: githubAppConfig(parsed),
  };
}

function githubAppConfig(parsed: {
  GITHUB_APP_ID?: number;
  GITHUB_APP_SLUG?: string;
  GITHUB_APP_PRIVATE_KEY?: string;
  GITHUB_APP_CLIENT_ID?: string;
  GITHUB_APP_CLIENT_SECRET?: string;
  GITHUB_WEB_URL?: string;
  GITHUB_API_URL?: string;
}): GitHubAppConfig | null {
  const missing = GITHUB_APP_VARIABLES.filter((name) => parsed[name] === undefined);
  if (missing.length === GITHUB_APP_VARIABLES.length) return null;
  if (missing.length > 0) throw new ConfigError([`the GitHub App needs ${missing.join(", ")} too (set all of ${GITHUB_APP_VARIABLES.join(", ")}, or none)`]);
  return {
    appId: parsed.GITHUB_APP_ID!,
    slug: parsed.GITHUB_APP_SLUG!,
    privateKey: parsed.GITHUB_APP_PRIVATE_KEY!.replaceAll("\\n", "\n"),
    clientId: parsed.GITHUB_APP_CLIENT_ID!,
    clientSecret: parsed.GITHUB_APP_CLIENT_SECRET!,
    webUrl: (parsed.GITHUB_WEB_URL ?? "https://github.com").replace(/\/$/, ""),
    apiUrl: (parsed.GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, ""),
  };
}
