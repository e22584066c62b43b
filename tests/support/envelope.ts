import type { ParsedJson } from "./requests";
import { expect } from "vitest";

interface ExpectedError {
  type: string;
  code: string;
  attr?: string | null;
}

/** Asserts the one error envelope: status, `type`, `code` and `attr` (never the human wording). */
export function expectError(response: { status: number; body: ParsedJson }, status: number, expected: ExpectedError): void {
  expect({ status: response.status, type: response.body?.type, code: response.body?.code }).toEqual({
    status,
    type: expected.type,
    code: expected.code,
  });
  expect(typeof response.body.detail).toBe("string");
  if (expected.attr !== undefined) expect(response.body.attr).toBe(expected.attr);
}

/** The `attr`/`code` pairs of a validation error's `issues[]`. */
export function issuesOf(response: { body: ParsedJson }): Array<{ attr: string | null; code: string }> {
  return (response.body.issues ?? []).map((issue: { attr: string | null; code: string }) => ({ attr: issue.attr, code: issue.code }));
}
