import { z } from "zod";
import { endpoint, route } from "@/lib/api/route";
import { paginated, paginationQuery } from "@/lib/api/pagination";
import { publicUrl } from "@/lib/api/public-url";
import { listIntegrations } from "@/lib/github/integrations";
import { integrationPageSchema } from "@/lib/github/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "users_integrations_list",
    summary: "List the caller's GitHub integrations",
    description: "The GitHub App installations the caller linked, oldest first, paginated (the reference ignores `limit`/`offset`). `@me` (or your own uuid) only: staff cannot browse another person's GitHub either.",
    scope: "user:read",
    subject: "uuid",
    query: z.object(paginationQuery),
    response: integrationPageSchema,
    handler: async ({ request, subject, query }) => {
      const { count, results } = await listIntegrations(subject, query);
      return paginated(publicUrl(request), query, count, results);
    },
  }),
});
