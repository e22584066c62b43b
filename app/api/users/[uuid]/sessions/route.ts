import { endpoint, route } from "@/lib/api/route";
import { paginated, paginationQuery } from "@/lib/api/pagination";
import { publicUrl } from "@/lib/api/public-url";
import { z } from "zod";
import { sessionPageSchema } from "@/lib/sessions/session-schema";
import { listSessions } from "@/lib/sessions/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "users_sessions_list",
    allowedDuringTwoFactorSetup: true,
    summary: "List the caller's signed-in devices",
    description:
      "Live sessions only (not signed out, idle or expired): the current one first, then newest first. Session only; `@me` (or the caller's own uuid) only.",
    auth: "session",
    scope: "user:read",
    subject: "uuid",
    query: z.object(paginationQuery),
    response: sessionPageSchema,
    handler: async ({ request, principal, subject, query }) => {
      const { count, results } = await listSessions(principal, subject, query);
      return paginated(publicUrl(request), query, count, results);
    },
  }),
});
