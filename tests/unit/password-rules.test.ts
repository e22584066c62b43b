import { describe, expect, it } from "vitest";
import { passwordPolicyIssues as serverPolicy } from "@/lib/auth/password-policy";
import { canonicalPassword } from "@/lib/auth/password";
import { PASSWORD_RECOMMENDED_LENGTH, passwordPolicyIssues, passwordStrength } from "@/lib/auth/password-rules";

const email = "alice.liddell@example.com";

describe("passwordStrength (the Security page's meter)", () => {
  it.each([
    ["", 0],
    ["short", 1],
    ["x".repeat(257), 1],
    ["password123", 1],
    ["alice.liddell", 1],
    ["v8#Qm-tundra", 2],
    ["a quiet tundra lantern", 3],
  ] as const)("%j → level %i", (password, level) => {
    expect(passwordStrength(password, email).level).toBe(level);
  });

  it("says why in words, as the server does", () => {
    expect(passwordStrength("password123", email).problems).toEqual(["This password is too common. Choose one that is harder to guess."]);
    expect(passwordStrength("short", email).problems).toEqual(["This password is shorter than 8 characters."]);
    expect(passwordStrength("a".repeat(PASSWORD_RECOMMENDED_LENGTH - 1) + "b", email).label).toBe("Strong.");
  });

  it("is the rule the server applies", () => {
    expect(serverPolicy).toBe(passwordPolicyIssues);
  });
});

describe("canonicalPassword", () => {
  it("composes to NFC and keeps everything else", () => {
    expect(canonicalPassword("cafe\u0301")).toBe("caf\u00e9");
    expect(canonicalPassword("  spaced  ")).toBe("  spaced  ");
  });
});
