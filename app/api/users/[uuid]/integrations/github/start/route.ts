import { endpoint, route } from "@/lib/api/route";
import { startGitHubConnect } from "@/lib/github/integrations";
import { connectStartSchema } from "@/lib/github/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "users_integrations_github_start_create",
    summary: "Start connecting GitHub",
    description:
      "Returns GitHub's installation page for the App, carrying a single-use `state` bound to the caller that expires in 10 minutes. GitHub sends the browser back to `/api/integrations/github/callback`, which links the installation once GitHub confirms the caller can reach it. 503 `github_not_configured` when the instance has no GitHub App. Session only, on yourself.",
    auth: "session",
    scope: "user:write",
    sensitive: true,
    subject: "uuid",
    response: connectStartSchema,
    status: 200,
    errors: { 503: "GitHub is not configured on this instance." },
    handler: ({ subject }) => startGitHubConnect(subject),
  }),
});
