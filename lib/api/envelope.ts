import { z } from "zod";

export const ERROR_TYPES = ["validation_error", "authentication_error", "invalid_request", "throttled_error", "server_error"] as const;

export const fieldIssueSchema = z
  .object({
    attr: z.string().nullable().meta({ description: "The offending field (nested fields joined with `__`), or null." }),
    code: z.string(),
    detail: z.string(),
  })
  .meta({ id: "FieldIssue" });

/** The one error body every endpoint answers with. */
export const errorEnvelopeSchema = z
  .object({
    type: z.enum(ERROR_TYPES),
    code: z.string(),
    detail: z.string(),
    attr: z.string().nullable(),
    issues: z.array(fieldIssueSchema).optional().meta({ description: "Every field problem of a validation error." }),
    sensitive_session_expires_at: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: "With `reauth_required`: when this session's secure mode ended (`POST /api/auth/reauthenticate` renews it)." }),
  })
  .meta({ id: "Error" });

export type ErrorType = (typeof ERROR_TYPES)[number];
export type FieldIssue = z.infer<typeof fieldIssueSchema>;
export type ErrorBody = z.infer<typeof errorEnvelopeSchema>;
