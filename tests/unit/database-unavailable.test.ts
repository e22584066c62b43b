import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";

const prismaError = (code: string, cause: object) =>
  Object.assign(new Error("Invalid `prisma.user.findUnique()` invocation"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: { modelName: "User", driverAdapterError: Object.assign(new Error("x"), { name: "DriverAdapterError", cause }) },
  });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["Prisma P1001 (connection refused)", prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5999 })],
    ["a raw query through an unreachable adapter (P2010)", prismaError("P2010", { kind: "DatabaseNotReachable" })],
    ["a dropped connection", prismaError("P2010", { kind: "ConnectionClosed" })],
    ["the server shutting down (57P01)", prismaError("P2010", { kind: "postgres", code: "57P01" })],
    ["the server starting up (57P03)", prismaError("P2010", { kind: "postgres", code: "57P03", originalCode: "57P03" })],
    ["too many connections", prismaError("P2010", { kind: "TooManyConnections" })],
    ["node-postgres' connect timeout", Object.assign(new Error("Connection terminated due to connection timeout"), { cause: new Error("Connection terminated unexpectedly") })],
    ["node-postgres' pool wait timeout", new Error("timeout exceeded when trying to connect")],
    ["a socket error", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["Prisma's initialisation error", Object.assign(new Error("Can't reach database server"), { name: "PrismaClientInitializationError" })],
  ])("is true for %s", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique-constraint violation", prismaError("P2002", { kind: "UniqueConstraintViolation" })],
    ["invalid JSON input (P2007)", prismaError("P2007", { kind: "postgres", code: "22P02" })],
    ["a missing database (a configuration error)", prismaError("P1003", { kind: "DatabaseDoesNotExist" })],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["a thrown string", "boom"],
    ["null", null],
  ])("is false for %s", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
