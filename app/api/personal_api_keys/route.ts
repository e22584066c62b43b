import { z } from "zod";
import { paginated, paginationQuery } from "@/lib/api/pagination";
import { publicUrl } from "@/lib/api/public-url";
import { endpoint, route } from "@/lib/api/route";
import { createKeyBodySchema, MAX_KEYS_PER_USER, personalApiKeyPageSchema, personalApiKeyWithValueSchema } from "@/lib/personal-api-keys/schema";
import { createKey, listKeys } from "@/lib/personal-api-keys/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "personal_api_keys_list",
    summary: "List the caller's personal API keys",
    description: "Newest first. Values are never shown again after creation; `mask_value` identifies a key. Session only.",
    auth: "session",
    sensitive: true,
    scope: "user:read",
    query: z.object(paginationQuery),
    response: personalApiKeyPageSchema,
    handler: async ({ request, principal, query }) => {
      const { count, results } = await listKeys(principal, query);
      return paginated(publicUrl(request), query, count, results);
    },
  }),
  POST: endpoint({
    operationId: "personal_api_keys_create",
    summary: "Create a personal API key",
    description: `Answers the key's full \`value\` once; only its HMAC is stored. At most ${MAX_KEYS_PER_USER} keys per user (400 \`too_many_keys\`). Session only.`,
    auth: "session",
    sensitive: true,
    scope: "user:write",
    body: createKeyBodySchema,
    response: personalApiKeyWithValueSchema,
    status: 201,
    errors: { 400: `Invalid \`label\` or \`scopes\`, or \`too_many_keys\` (the user already has ${MAX_KEYS_PER_USER}).` },
    handler: ({ principal, body }) => createKey(principal, body),
  }),
});
