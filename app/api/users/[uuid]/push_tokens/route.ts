import { z } from "zod";
import { endpoint, reply, route } from "@/lib/api/route";
import { paginated, paginationQuery } from "@/lib/api/pagination";
import { publicUrl } from "@/lib/api/public-url";
import { pushDevicePageSchema, pushDeviceSchema, pushTokenRegistrationSchema, PUSH_TOKENS_PER_USER } from "@/lib/push-tokens/schemas";
import { listPushDevices, registerPushToken } from "@/lib/push-tokens/service";

const OWN_ONLY = "`@me` (or your own uuid) only: staff are refused too, so nobody can route another person's notifications to their own device.";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "users_push_tokens_list",
    summary: "List the caller's push notification devices",
    description: `Most recently seen first; each token shows only its last four characters. ${OWN_ONLY}`,
    scope: "user:read",
    subject: "uuid",
    query: z.object(paginationQuery),
    response: pushDevicePageSchema,
    handler: async ({ request, subject, query }) => {
      const { count, results } = await listPushDevices(subject, query);
      return paginated(publicUrl(request), query, count, results);
    },
  }),
  POST: endpoint({
    operationId: "users_push_tokens_create",
    summary: "Register a device for push notifications",
    description: `Registers \`token\` for the caller (201), or refreshes its \`platform\` and \`last_seen_at\` when already registered (200). At most ${PUSH_TOKENS_PER_USER} devices per user: registering one more removes the least recently seen. The same token registered by another user stays theirs: it is neither moved nor removed, and the caller gets a row of their own. ${OWN_ONLY}`,
    scope: "user:write",
    subject: "uuid",
    body: pushTokenRegistrationSchema,
    status: 201,
    response: pushDeviceSchema,
    otherResponses: { 200: { description: "Already registered: refreshed.", schema: pushDeviceSchema } },
    handler: async ({ subject, body }) => {
      const { created, device } = await registerPushToken(subject, body);
      return created ? device : reply(200, device);
    },
  }),
});
