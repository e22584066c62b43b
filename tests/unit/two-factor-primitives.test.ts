import { afterEach, describe, expect, it } from "vitest";
import { overrideEnvForTests } from "@/lib/env";
import { backupCodeHash, backupCodeHashes, newBackupCodes, normalisedBackupCode } from "@/lib/two-factor/backup-codes";
import { open, seal } from "@/lib/two-factor/secret-box";
import { newTotpSecret, normalisedTotp } from "@/lib/two-factor/totp";

const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0).reverse()) restore();
});
const key = (id: string, fill: number) => `${id}:${Buffer.alloc(32, fill).toString("base64")}`;

describe("the secret box", () => {
  it("opens what it sealed, for the same owner only", () => {
    const sealed = seal("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "totp:1");
    expect(open(sealed, "totp:1")).toBe("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    expect(() => open(sealed, "totp:2")).toThrow();
  });

  it("refuses a tampered ciphertext, and seals the same text differently each time", () => {
    const sealed = seal("secret", "a");
    const bytes = Buffer.from(sealed.encrypted, "base64url");
    bytes[bytes.length - 1]! ^= 1;
    expect(() => open({ ...sealed, encrypted: bytes.toString("base64url") }, "a")).toThrow();
    expect(seal("secret", "a").encrypted).not.toBe(sealed.encrypted);
  });

  it("seals under the first key and opens under any configured one", () => {
    restores.push(overrideEnvForTests({ TWO_FACTOR_ENCRYPTION_KEYS: key("old", 1) }));
    const sealedOld = seal("x", "a");
    restores.push(overrideEnvForTests({ TWO_FACTOR_ENCRYPTION_KEYS: `${key("new", 2)},${key("old", 1)}` }));
    expect(seal("x", "a").keyId).toBe("new");
    expect(open(sealedOld, "a")).toBe("x");
    restores.push(overrideEnvForTests({ TWO_FACTOR_ENCRYPTION_KEYS: key("new", 2) }));
    expect(() => open(sealedOld, "a")).toThrow(/not configured/);
  });
});

describe("codes", () => {
  it("TOTP secrets are 160 bits of base32", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it.each([
    ["123456", "123456"],
    ["123 456", "123456"],
    ["123-456", "123456"],
    [" 123456 ", "123456"],
    ["12345", null],
    ["1234567", null],
    ["12a456", null],
    ["١٢٣٤٥٦", null],
  ])("TOTP input %j → %j", (input, expected) => {
    expect(normalisedTotp(input)).toBe(expected);
  });

  it("backup codes: ten distinct 8-character base32 codes, shown with a dash", () => {
    const codes = newBackupCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}$/);
  });

  it.each([
    ["abcd-efgh", "abcdefgh"],
    ["ABCD EFGH", "abcdefgh"],
    ["abcdefgh", "abcdefgh"],
    ["abcd-efg", null],
    ["abcd-efg1", null],
    ["123456", null],
  ])("backup code input %j → %j", (input, expected) => {
    expect(normalisedBackupCode(input)).toBe(expected);
  });

  it("backup code hashes are keyed, per user, and found under every configured key", () => {
    expect(backupCodeHash(1, "abcdefgh")).not.toBe(backupCodeHash(2, "abcdefgh"));
    expect(backupCodeHash(1, "abcdefgh")).not.toContain("abcdefgh");
    restores.push(overrideEnvForTests({ TWO_FACTOR_ENCRYPTION_KEYS: key("old", 1) }));
    const underOld = backupCodeHash(1, "abcdefgh");
    restores.push(overrideEnvForTests({ TWO_FACTOR_ENCRYPTION_KEYS: `${key("new", 2)},${key("old", 1)}` }));
    expect(backupCodeHashes(1, "abcdefgh")).toContain(underOld);
    expect(backupCodeHash(1, "abcdefgh")).not.toBe(underOld);
  });
});
