import { endpoint, route } from "@/lib/api/route";
import { auditActorOf } from "@/lib/admin/audit-log";
import { credentialReviewRequestedSchema } from "@/lib/admin/audit-schemas";
import { requestCredentialReviewOfEveryone } from "@/lib/users/credential-review";
import { enforce, mayAdminister } from "@/lib/users/permissions";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "admin_request_credential_review_create",
    summary: "Ask every user to review their credentials",
    description: "Sets `requires_credential_review` for every active user but the caller (after a suspected leak, say). Staff only; one audit entry. Takes no body.",
    auth: "session",
    scope: "user:write",
    sensitive: true,
    response: credentialReviewRequestedSchema,
    handler: async ({ request, principal }) => {
      enforce(mayAdminister(principal.user));
      return { requested: await requestCredentialReviewOfEveryone(auditActorOf(principal, request)) };
    },
  }),
});
