/**
 * Whether an error means the database cannot be reached right now (down, restarting, refusing
 * or timing out connections), as opposed to a bug or bad input: such requests answer 503 and the
 * next request tries a fresh connection, so the app recovers on its own when the database returns.
 */

// Driver-adapter error kinds (`@prisma/driver-adapter-utils`) that describe the connection, not the query.
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

// Prisma's own codes for the same: can't reach, timed out, connection pool timeout, server closed the connection.
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

// SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, crash, starting up), 53300 (too many connections).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);

// node-postgres raises these as plain Errors with no code when a connection attempt or a pool wait times out.
const PG_CONNECTION_MESSAGES = [
  "Connection terminated due to connection timeout",
  "Connection terminated unexpectedly",
  "timeout exceeded when trying to connect",
];

type Inspectable = { name?: unknown; code?: unknown; message?: unknown; meta?: unknown; cause?: unknown };

function driverCause(error: Inspectable): Inspectable | undefined {
  const meta = error.meta as { driverAdapterError?: { cause?: Inspectable } } | undefined;
  return meta?.driverAdapterError?.cause ?? (error.name === "DriverAdapterError" ? (error.cause as Inspectable | undefined) : undefined);
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== "object" || depth > 3) return false;
  const inspected = error as Inspectable & { kind?: unknown; originalCode?: unknown };
  if (inspected.name === "PrismaClientInitializationError") return true;
  if (typeof inspected.code === "string") {
    if (UNREACHABLE_PRISMA_CODES.has(inspected.code) || SOCKET_CODES.has(inspected.code) || UNAVAILABLE_SQLSTATE.test(inspected.code)) return true;
  }
  if (typeof inspected.kind === "string" && UNREACHABLE_KINDS.has(inspected.kind)) return true;
  if (typeof inspected.originalCode === "string" && UNAVAILABLE_SQLSTATE.test(inspected.originalCode)) return true;
  if (typeof inspected.message === "string" && PG_CONNECTION_MESSAGES.some((text) => (inspected.message as string).startsWith(text))) return true;
  const cause = driverCause(inspected);
  if (cause && isDatabaseUnavailable(cause, depth + 1)) return true;
  return inspected.cause !== undefined && inspected.cause !== cause && isDatabaseUnavailable(inspected.cause, depth + 1);
}
