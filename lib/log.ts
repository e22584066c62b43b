import "server-only";

// `code` alone is a one-time code; `errorCode` and the like are safe to keep.
const SECRET_KEY = /^(code|otp)$|pass|secret|token|cookie|authorization|api_?key|hash/i;

function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? "[redacted]" : redact(inner, depth + 1)]),
  );
}

const LEVELS = { info: 10, warn: 20, error: 30, silent: 40 } as const;
type Level = Exclude<keyof typeof LEVELS, "silent">;

function enabled(level: Level): boolean {
  const configured = (process.env.LOG_LEVEL ?? "info") as keyof typeof LEVELS;
  return LEVELS[level] >= (LEVELS[configured] ?? LEVELS.info);
}

function write(level: Level, event: string, fields: Record<string, unknown>): void {
  if (!enabled(level)) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...(redact(fields) as object) });
  (level === "error" ? console.error : console.log)(line);
}

/** Structured, secret-free logs: keys that look like secrets are masked before writing. */
export const log = {
  info: (event: string, fields: Record<string, unknown> = {}) => write("info", event, fields),
  warn: (event: string, fields: Record<string, unknown> = {}) => write("warn", event, fields),
  error: (event: string, fields: Record<string, unknown> = {}) => write("error", event, fields),
};

/** Only the error's class and a frame-free message; driver errors may quote SQL or values. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { errorName: error.name, errorCode: (error as { code?: unknown }).code };
  return { errorName: typeof error };
}
