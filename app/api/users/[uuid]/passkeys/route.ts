import { z } from "zod";
import { endpoint, route } from "@/lib/api/route";
import { paginated, paginationQuery } from "@/lib/api/pagination";
import { publicUrl } from "@/lib/api/public-url";
import { passkeyPageSchema } from "@/lib/passkeys/schemas";
import { listPasskeys } from "@/lib/passkeys/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "users_passkeys_list",
    summary: "List the caller's passkeys",
    description: "Newest first, with when each was added and last used. Session only; `@me` (or the caller's own uuid) only, staff included.",
    auth: "session",
    scope: "user:read",
    subject: "uuid",
    query: z.object(paginationQuery),
    response: passkeyPageSchema,
    handler: async ({ request, principal, subject, query }) => {
      const { count, results } = await listPasskeys(principal, subject, query);
      return paginated(publicUrl(request), query, count, results);
    },
  }),
});
