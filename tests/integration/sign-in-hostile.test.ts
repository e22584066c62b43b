import { describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { createPrismaClient } from "@/lib/db/create-client";
import { installAppDb } from "../support/app-db";

describe("the credentials step under hostile input", () => {
  it.each([
    ["a NUL in the email", { email: "a\u0000@example.com", password: "whatever-password" }],
    ["a NUL in the password", { email: "a@example.com", password: "pass\u0000word" }],
    ["a huge email", { email: `${"x".repeat(100_000)}@example.com`, password: "whatever-password" }],
  ])("refuses %s without throwing anything but a known code", async (_label, credentials) => {
    await expect(authorizeCredentials(credentials, new Headers())).resolves.toBeNull();
  });
});

describe("when the database fails during sign-in", () => {
  it("throws only the generic `unavailable` code, never the driver's message", async () => {
    const broken = createPrismaClient({ kind: "postgres", url: "postgresql://postgres@127.0.0.1:1/nowhere" });
    const restore = installAppDb(broken.client);
    try {
      await expect(authorizeCredentials({ email: "a@example.com", password: "whatever-password" }, new Headers())).rejects.toThrow(/^unavailable$/);
    } finally {
      restore();
      await broken.close();
    }
  });
});
