import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import type { FieldIssue } from "@/lib/api/errors";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/schemas";

let common: Set<string> | undefined;

/** zxcvbn's ranked list of ~49k leaked passwords; only those long enough to pass the length rule matter. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    (dictionary["passwords-common"] as string[]).filter((password) => password.length >= PASSWORD_MIN_LENGTH).map((p) => p.toLowerCase()),
  );
  return common;
}

/** Checks beyond length that need server data: the block-list and the account's own email. */
export function passwordPolicyIssues(password: string, email: string, attr = "password"): FieldIssue[] {
  const lowered = password.toLowerCase();
  if (commonPasswords().has(lowered)) {
    return [{ attr, code: "password_too_common", detail: "This password is too common. Choose one that is harder to guess." }];
  }
  const localPart = email.split("@")[0] ?? "";
  if (lowered === email.toLowerCase() || (localPart.length >= 4 && lowered === localPart.toLowerCase())) {
    return [{ attr, code: "password_too_similar", detail: "The password is too similar to your email address." }];
  }
  return [];
}
