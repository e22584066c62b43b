import { publicUrl } from "@/lib/api/public-url";
import { endpoint, route } from "@/lib/api/route";
import { userListQuerySchema } from "@/lib/users/schemas";
import { userPageSchema } from "@/lib/users/user-schema";
import { listUsers } from "@/lib/users/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "users_list",
    summary: "List users",
    description: "Staff see every active user and can filter by email and staff flag; everyone else sees a one-row list of themselves. Ordered by id.",
    scope: "user:read",
    query: userListQuerySchema,
    response: userPageSchema,
    handler: ({ request, principal, query }) => listUsers(principal, query, publicUrl(request)),
  }),
});
