import { z } from "zod";
import { pageSchema, paginationQuery } from "@/lib/api/pagination";

export const AUDIT_ACTIONS = [
  "user.staff_changed",
  "user.updated",
  "user.deleted",
  "user.credential_review_requested",
  "user.credential_review_requested_all",
  "user.signal_autonomy_changed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const person = z.object({ uuid: z.uuid(), email: z.string() });

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    action: z.enum(AUDIT_ACTIONS),
    actor: person,
    target: person.nullable().meta({ description: "The account acted on, as it was then (kept after it is deleted); null for an action on everyone." }),
    changes: z
      .record(z.string(), z.object({ before: z.unknown(), after: z.unknown() }))
      .meta({ description: "Each changed field, in the API's names, with its value before and after." }),
    ip: z.string().nullable(),
    created_at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "AuditLogEntry" });
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = pageSchema(auditEntrySchema).meta({ id: "PaginatedAuditLogEntryList" });

const uuidParam = (description: string) =>
  z.uuid("Must be a user's uuid.").transform((uuid) => uuid.toLowerCase()).optional().meta({ description });

export const auditLogQuerySchema = z.object({
  actor: uuidParam("Only what this staff user did."),
  target: uuidParam("Only what was done to this user."),
  action: z.enum(AUDIT_ACTIONS).optional().meta({ description: "Only this action." }),
  ...paginationQuery,
});
export type AuditLogQuery = z.output<typeof auditLogQuerySchema>;

export const credentialReviewRequestedSchema = z
  .object({ requested: z.number().int().min(0).meta({ description: "How many users were asked (everyone active but the caller)." }) })
  .meta({ id: "CredentialReviewRequested" });
