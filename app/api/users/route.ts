import { publicUrl } from "@/lib/api/public-url";
import { json } from "@/lib/api/response";
import { endpoint, route } from "@/lib/api/route";
import { userListQuerySchema } from "@/lib/users/schemas";
import { listUsers } from "@/lib/users/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    scope: "user:read",
    query: userListQuerySchema,
    handler: async ({ request, principal, query }) => json(await listUsers(principal, query, publicUrl(request))),
  }),
});
