import { describe, expect, it } from "vitest";
import { ApiClientError } from "@/lib/client/api-client";
import { signinErrorMessage } from "@/lib/client/auth-messages";
import { backupCodesFileName, backupCodesText, cleanCode, groupedSecret } from "@/lib/client/two-factor-format";
import { codeErrorMessage, SETUP_EXPIRED_MESSAGE, WRONG_BACKUP_CODE_MESSAGE, WRONG_CODE_MESSAGE } from "@/lib/client/two-factor-messages";

const refusal = (status: number, code: string, retryAfter: number | null = null) =>
  new ApiClientError(status, { type: "validation_error", code, detail: "server words", attr: null }, retryAfter);

describe("codes as people type and paste them", () => {
  it.each([
    ["123456", "123456"],
    ["123 456", "123456"],
    ["123-456", "123456"],
    [" 12 34 56 7", "123456"],
    ["abc", ""],
  ])("an authenticator code %j is kept as %j", (raw, kept) => {
    expect(cleanCode("totp", raw)).toBe(kept);
  });

  it("a backup code keeps its letters and dash, drops the rest, and stays short", () => {
    expect(cleanCode("backup", "ABCD-efgh")).toBe("ABCD-efgh");
    expect(cleanCode("backup", "ab<c>d!")).toBe("abcd");
    expect(cleanCode("backup", "x".repeat(40))).toHaveLength(16);
  });

  it("groups the secret in fours for typing", () => {
    expect(groupedSecret("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")).toBe("ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567");
    expect(groupedSecret("ABCDEF")).toBe("ABCD EF");
  });
});

describe("the backup codes file", () => {
  const codes = Array.from({ length: 10 }, (_, index) => `code-${String(index).padStart(4, "0")}`);

  it("names the app, the account and the date, says each code works once, and lists every code on its own line", () => {
    const text = backupCodesText(codes, "ada@example.test", "Hoglet Accounts", new Date("2026-12-01T10:00:00Z"));
    expect(text).toContain("Hoglet Accounts");
    expect(text).toContain("ada@example.test");
    expect(text).toContain("2026-12-01");
    expect(text).toMatch(/works once/);
    expect(text.split("\n").filter((line) => line.startsWith("code-"))).toEqual(codes);
  });

  it("is a .txt named after the app", () => {
    expect(backupCodesFileName("Hoglet Accounts")).toBe("hoglet-accounts-backup-codes.txt");
    expect(backupCodesFileName("!!!")).toBe("account-backup-codes.txt");
  });
});

describe("messages for refused codes", () => {
  it("a wrong code mentions the phone's clock; a wrong backup code says codes work once", () => {
    expect(codeErrorMessage(refusal(400, "token_invalid"))).toBe(WRONG_CODE_MESSAGE);
    expect(WRONG_CODE_MESSAGE).toMatch(/clock/);
    expect(codeErrorMessage(refusal(400, "token_invalid"), "backup")).toBe(WRONG_BACKUP_CODE_MESSAGE);
  });

  it("an expired setup says to start again; throttling says how long to wait", () => {
    expect(codeErrorMessage(refusal(400, "setup_expired"))).toBe(SETUP_EXPIRED_MESSAGE);
    expect(codeErrorMessage(refusal(429, "throttled", 42))).toMatch(/42 seconds/);
    expect(codeErrorMessage(refusal(429, "throttled"))).toMatch(/Wait a few minutes/);
  });

  it("sign-in words the second-factor codes", () => {
    expect(signinErrorMessage("2fa_invalid")).toMatch(/didn't work/);
    expect(signinErrorMessage("2fa_required")).toMatch(/authenticator/);
    expect(signinErrorMessage("throttled")).toMatch(/Too many/);
  });
});
