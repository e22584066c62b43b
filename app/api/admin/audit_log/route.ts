import { endpoint, route } from "@/lib/api/route";
import { listAuditLog } from "@/lib/admin/audit-log";
import { auditLogQuerySchema, auditPageSchema } from "@/lib/admin/audit-schemas";
import { enforce, mayAdminister } from "@/lib/users/permissions";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "admin_audit_log_list",
    summary: "List what staff did to accounts",
    description:
      "Every staff action on another account (staff flag changes, other changes to a user, deletions, credential-review requests), newest first, with the actor, the target as it was then (kept after deletion), each changed field before and after, the time and the client address. Staff only; the log is append-only.",
    auth: "session",
    scope: "user:read",
    query: auditLogQuerySchema,
    response: auditPageSchema,
    handler: ({ principal, query, request }) => {
      enforce(mayAdminister(principal.user));
      return listAuditLog(query, new URL(request.url));
    },
  }),
});
