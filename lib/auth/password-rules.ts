import { dictionary } from "@zxcvbn-ts/language-common";
import type { FieldIssue } from "@/lib/api/envelope";
import { PASSWORD_MIN_LENGTH, newPasswordSchema } from "@/lib/users/schemas";

/**
 * The password rules themselves, free of server code so the Security page's strength meter
 * applies exactly what the server enforces. The page loads this module lazily: the block-list is
 * a few hundred kilobytes.
 */

/** ASVS 5.0 V6.2.1 recommends at least 15; 8 is the floor. */
export const PASSWORD_RECOMMENDED_LENGTH = 15;

let common: Set<string> | undefined;

/** zxcvbn's ranked list of ~49k leaked passwords; only those long enough to pass the length rule matter. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    (dictionary["passwords-common"] as string[]).filter((password) => password.length >= PASSWORD_MIN_LENGTH).map((p) => p.toLowerCase()),
  );
  return common;
}

/** Checks beyond length: the block-list and the account's own email. */
export function passwordPolicyIssues(password: string, email: string, attr = "password"): FieldIssue[] {
  const lowered = password.normalize("NFC").toLowerCase();
  if (commonPasswords().has(lowered)) {
    return [{ attr, code: "password_too_common", detail: "This password is too common. Choose one that is harder to guess." }];
  }
  const localPart = email.split("@")[0] ?? "";
  if (lowered === email.toLowerCase() || (localPart.length >= 4 && lowered === localPart.toLowerCase())) {
    return [{ attr, code: "password_too_similar", detail: "The password is too similar to your email address." }];
  }
  return [];
}

export interface PasswordStrength {
  /** 0 nothing typed, 1 refused, 2 allowed, 3 allowed and at the recommended length. */
  level: 0 | 1 | 2 | 3;
  /** In words, for the meter: never colour alone. */
  label: string;
  /** Why a refused password is refused, as the server would say it. */
  problems: string[];
}

/** The meter's reading: the server's length rule and its block-list and email checks, nothing else. */
export function passwordStrength(password: string, email: string): PasswordStrength {
  if (password === "") return { level: 0, label: "", problems: [] };
  const length = newPasswordSchema.safeParse(password);
  const problems = length.success ? passwordPolicyIssues(password, email).map((issue) => issue.detail) : length.error.issues.map((issue) => issue.message);
  if (problems.length > 0) return { level: 1, label: "Not allowed.", problems };
  if ([...password].length < PASSWORD_RECOMMENDED_LENGTH) {
    return { level: 2, label: `Allowed. ${PASSWORD_RECOMMENDED_LENGTH} characters or more is stronger.`, problems: [] };
  }
  return { level: 3, label: "Strong.", problems: [] };
}
