import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/lib/env";
import { currentRequestId } from "@/lib/request-context";

export { requestIdFor, withRequestContext, withRequestIdHeader } from "@/lib/request-context";

// `code` alone is a one-time code; `errorCode` and the like are safe to keep.
const SECRET_KEY = /^(code|otp)$|pass|secret|token|cookie|authorization|api_?key|hash/i;

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * pino's own `redact` takes fixed paths (`a.b.password`); secrets here are recognised by their key
 * name at any depth, so redaction runs as pino's log formatter instead.
 */
function redact(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? "[redacted]" : redact(inner, seen)]),
  );
}

const globalForLog = globalThis as unknown as { appLogger?: Logger; appLogDestination?: DestinationStream };

function logger(): Logger {
  globalForLog.appLogger ??= pino(
    {
      level: env.logLevel,
      base: null,
      messageKey: "event",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redact(fields) as Record<string, unknown>,
      },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
    },
    globalForLog.appLogDestination ?? pino.destination({ dest: 1, sync: true }),
  );
  // Follows a configuration re-read (tests reset it) without rebuilding the logger.
  if (globalForLog.appLogger.level !== env.logLevel) globalForLog.appLogger.level = env.logLevel;
  return globalForLog.appLogger;
}

/** Routes log lines to `stream` (or, with `null`, back to stdout). */
export function setLogDestinationForTests(stream: DestinationStream | null): void {
  globalForLog.appLogDestination = stream ?? undefined;
  globalForLog.appLogger = undefined;
}

type Fields = Record<string, unknown>;

/** JSON lines with `time`, `level`, `event`, the request id when inside a request, and secret-looking keys masked. */
export const log = {
  debug: (event: string, fields: Fields = {}) => logger().debug(fields, event),
  info: (event: string, fields: Fields = {}) => logger().info(fields, event),
  warn: (event: string, fields: Fields = {}) => logger().warn(fields, event),
  error: (event: string, fields: Fields = {}) => logger().error(fields, event),
};

/** For the log line of a failure; the message may quote SQL or values, so it goes to operators' logs only, never to a response. */
export function describeError(error: unknown): Fields {
  if (error instanceof Error) {
    return { errorName: error.name, errorCode: (error as { code?: unknown }).code, errorMessage: error.message, stack: error.stack };
  }
  return { errorName: typeof error, errorMessage: typeof error === "string" ? error : undefined };
}
