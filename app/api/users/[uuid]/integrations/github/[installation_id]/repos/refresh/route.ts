import { endpoint, route } from "@/lib/api/route";
import { refreshRepositories } from "@/lib/github/integrations";
import { installationParams, refreshedRepositoriesSchema } from "@/lib/github/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "users_integrations_github_repos_refresh_create",
    summary: "Refresh an installation's repositories",
    description:
      "Reads every repository from GitHub again and returns them all; within 30 seconds of the last read it answers the cache without calling GitHub. Limited per user (`github_refresh`).",
    scope: "user:write",
    subject: "uuid",
    rateLimit: "github_refresh",
    params: installationParams,
    status: 200,
    response: refreshedRepositoriesSchema,
    errors: { 404: "Not linked to the caller.", 429: "GitHub's rate limit: try again after `Retry-After` seconds.", 502: "GitHub refused the request.", 503: "GitHub is unreachable, or not configured." },
    handler: ({ subject, params }) => refreshRepositories(subject, params.installation_id),
  }),
});
