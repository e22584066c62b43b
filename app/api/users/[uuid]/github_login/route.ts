import { endpoint, route } from "@/lib/api/route";
import { githubLogin } from "@/lib/github/integrations";
import { githubLoginSchema } from "@/lib/github/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "users_github_login_retrieve",
    summary: "The user's linked GitHub login",
    description: "The GitHub login that authorized the user's most recently linked installation, or null when none is linked.",
    scope: "user:read",
    subject: "uuid",
    response: githubLoginSchema,
    handler: ({ subject }) => githubLogin(subject),
  }),
});
