import { endpoint, route } from "@/lib/api/route";
import { listBranches } from "@/lib/github/integrations";
import { branchesQuery, branchesSchema, installationParams } from "@/lib/github/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "users_integrations_github_branches_retrieve",
    summary: "List a repository's branches",
    description:
      "`repo` (`owner/name`) must be one of the installation's repositories (else 400 naming `repo`). The default branch comes first. Branches are cached for 10 minutes; when GitHub fails, a stale copy still answers.",
    scope: "user:read",
    subject: "uuid",
    params: installationParams,
    query: branchesQuery,
    response: branchesSchema,
    errors: { 404: "Not linked to the caller.", 429: "GitHub's rate limit: try again after `Retry-After` seconds.", 502: "GitHub refused the request.", 503: "GitHub is unreachable, or not configured." },
    handler: ({ subject, params, query }) => listBranches(subject, params.installation_id, query),
  }),
});
