import "server-only";

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return value;
}

const DEV_SECRET = "insecure-development-secret-change-me-0123456789";

export const env = {
  get authSecret(): string {
    const secret = process.env.NEXTAUTH_SECRET;
    if (secret) return secret;
    if (process.env.NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET must be set in production");
    return DEV_SECRET;
  },
  /** Secure cookies (with the __Secure- prefix) whenever the app is served over HTTPS. */
  get secureCookies(): boolean {
    return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  },
  /** Sliding session lifetime in seconds (renewed while the user is active). */
  get sessionMaxAge(): number {
    return positiveInt("SESSION_MAX_AGE_SECONDS", 14 * 24 * 60 * 60);
  },
  /** Absolute session lifetime in seconds, counted from sign-in, however active the user is. */
  get sessionAbsoluteMaxAge(): number {
    return positiveInt("SESSION_ABSOLUTE_MAX_AGE_SECONDS", 14 * 24 * 60 * 60);
  },
  get signupEnabled(): boolean {
    return process.env.SIGNUP_ENABLED !== "false";
  },
  get trustProxy(): boolean {
    return process.env.TRUST_PROXY === "true";
  },
  rateLimit(name: string, fallback: { limit: number; windowSeconds: number }) {
    const key = name.toUpperCase();
    return {
      limit: positiveInt(`RATE_LIMIT_${key}_LIMIT`, fallback.limit),
      windowSeconds: positiveInt(`RATE_LIMIT_${key}_WINDOW_SECONDS`, fallback.windowSeconds),
    };
  },
};
