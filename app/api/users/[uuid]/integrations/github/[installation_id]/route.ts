import { endpoint, route } from "@/lib/api/route";
import { removeIntegration } from "@/lib/github/integrations";
import { installationParams } from "@/lib/github/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  DELETE: endpoint({
    operationId: "users_integrations_github_destroy",
    summary: "Remove a GitHub integration",
    description:
      "Unlinks the installation from the caller's account (its cached repositories and branches go with it) and asks GitHub to revoke the caller's token; the App stays installed on GitHub. 404 when the id is not linked to the caller (another user's included, with no effect); a non-numeric id is a 400.",
    scope: "user:write",
    sensitive: true,
    subject: "uuid",
    params: installationParams,
    status: 204,
    errors: { 404: "Not linked to the caller." },
    handler: ({ subject, params }) => removeIntegration(subject, params.installation_id),
  }),
});
