import type { z } from "zod";
import type { FieldIssue } from "./errors";

/** Custom refinements pass their reference-compatible code in `params.code`. */
export interface IssueParams {
  code?: string;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function codeFor(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case "invalid_type": {
      const value = valueAt(input, issue.path);
      if (value === undefined) return "required";
      if (value === null) return "null";
      return "invalid_input";
    }
    case "invalid_union":
      return valueAt(input, issue.path) === undefined ? "required" : "invalid_input";
    case "invalid_value": {
      // DRF answers a missing or null choice by what it is, not as a wrong choice.
      const value = valueAt(input, issue.path);
      if (value === null) return "null";
      return value === undefined ? "required" : "invalid_choice";
    }
    case "too_big":
      return issue.origin === "string" ? "max_length" : issue.origin === "number" || issue.origin === "int" ? "max_value" : "max_length";
    case "too_small":
      if (issue.origin === "string") return issue.minimum === 1 ? "blank" : "min_length";
      return issue.origin === "number" || issue.origin === "int" ? "min_value" : "min_length";
    case "custom":
      return (issue.params as IssueParams | undefined)?.code ?? "invalid_input";
    default:
      return "invalid_input";
  }
}

/** Converts zod issues to field issues; nested attributes are joined with `__` like the reference. */
export function toFieldIssues(error: z.ZodError, input: unknown): FieldIssue[] {
  const attr = (path: readonly PropertyKey[]) => (path.length > 0 ? path.map(String).join("__") : null);
  return error.issues.flatMap((issue) =>
    // An unknown key is named itself, not the object holding it.
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ attr: attr([...issue.path, key]), code: "invalid_input", detail: `"${key}" is not a known field.` }))
      : [{ attr: attr(issue.path), code: codeFor(issue, input), detail: issue.message }],
  );
}
