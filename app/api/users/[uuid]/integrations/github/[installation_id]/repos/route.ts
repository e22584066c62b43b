import { endpoint, route } from "@/lib/api/route";
import { listRepositories } from "@/lib/github/integrations";
import { installationParams, repositoriesQuery, repositoriesSchema } from "@/lib/github/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "users_integrations_github_repos_retrieve",
    summary: "List an installation's repositories",
    description:
      "Served from the integration's cache, filled from every page of GitHub's list on first use and again when an hour old; when GitHub fails, a stale copy still answers. `search` matches part of `full_name` (case-insensitive).",
    scope: "user:read",
    subject: "uuid",
    params: installationParams,
    query: repositoriesQuery,
    response: repositoriesSchema,
    errors: { 404: "Not linked to the caller.", 429: "GitHub's rate limit: try again after `Retry-After` seconds.", 502: "GitHub refused the request.", 503: "GitHub is unreachable, or not configured." },
    handler: ({ subject, params, query }) => listRepositories(subject, params.installation_id, query),
  }),
});
