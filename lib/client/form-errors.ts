import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import type { ErrorBody, FieldIssue } from "@/lib/api/errors";

export interface AppliedServerErrors<T extends FieldValues> {
  /** Fields that received a message, in the server's order. */
  fields: FieldPath<T>[];
  /** Issues naming no field of this form (attr null, or a field it doesn't show). */
  formMessages: string[];
}

function issuesOf(body: ErrorBody): FieldIssue[] {
  if (body.issues && body.issues.length > 0) return body.issues;
  return [{ attr: body.attr, code: body.code, detail: body.detail }];
}

/** Puts every server issue under the field it names; the caller decides where focus goes. */
export function applyServerErrors<T extends FieldValues>(
  body: ErrorBody,
  setError: UseFormSetError<T>,
  formFields: readonly FieldPath<T>[],
): AppliedServerErrors<T> {
  const result: AppliedServerErrors<T> = { fields: [], formMessages: [] };
  for (const issue of issuesOf(body)) {
    const field = formFields.find((candidate) => candidate === issue.attr);
    if (!field) {
      result.formMessages.push(issue.detail);
      continue;
    }
    // react-hook-form keeps one message per field; the server lists the most relevant first.
    if (result.fields.includes(field)) continue;
    result.fields.push(field);
    setError(field, { type: `server.${issue.code}`, message: issue.detail });
  }
  return result;
}
