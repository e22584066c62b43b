import { endpoint, route } from "@/lib/api/route";
import { completeCredentialReview } from "@/lib/users/credential-review";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "users_credentials_review_complete_create",
    summary: "Complete the credential review",
    description:
      "Confirms that the caller reviewed their credentials after staff asked them to: clears `requires_credential_review` and records the first review time. Idempotent. Takes no body (an empty one, with or without a JSON content type). Session only; self only.",
    auth: "session",
    scope: "user:write",
    sensitive: true,
    subject: "uuid",
    status: 204,
    handler: ({ subject }) => completeCredentialReview(subject),
  }),
});
