import { endpoint, route } from "@/lib/api/route";
import { auditActorOf } from "@/lib/admin/audit-log";
import { requestCredentialReview } from "@/lib/users/credential-review";
import { enforce, mayAdminister } from "@/lib/users/permissions";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "admin_users_request_credential_review_create",
    summary: "Ask a user to review their credentials",
    description:
      "Sets the user's `requires_credential_review`: they are held at the review page until they confirm (`credentials_review_complete`). Staff only; audited. Takes no body.",
    auth: "session",
    scope: "user:write",
    subject: "uuid",
    status: 204,
    handler: async ({ request, principal, subject }) => {
      enforce(mayAdminister(principal.user));
      await requestCredentialReview(subject.user.id, auditActorOf(principal, request));
    },
  }),
});
