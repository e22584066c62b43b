import { describe, expect, it } from "vitest";
import { passwordPolicyIssues } from "@/lib/auth/password-policy";

const email = "alice.liddell@example.com";

describe("passwordPolicyIssues", () => {
  it.each(["password", "iloveyou", "PASSWORD1"])("rejects the common password %s", (password) => {
    expect(passwordPolicyIssues(password, email)).toEqual([expect.objectContaining({ attr: "password", code: "password_too_common" })]);
  });

  it.each([email, "ALICE.LIDDELL@example.com", "alice.liddell"])("rejects the email or its local part (%s)", (password) => {
    expect(passwordPolicyIssues(password, email)).toEqual([expect.objectContaining({ attr: "password", code: "password_too_similar" })]);
  });

  it("accepts a strong password", () => {
    expect(passwordPolicyIssues("v8#Qm-tundra-Lantern-41", email)).toEqual([]);
  });

  it("names the field it was asked to", () => {
    expect(passwordPolicyIssues("password", email, "new_password")[0]?.attr).toBe("new_password");
  });
});
