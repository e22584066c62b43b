import { endpoint, route } from "@/lib/api/route";
import { keyIdParams, personalApiKeyWithValueSchema } from "@/lib/personal-api-keys/schema";
import { rollKey } from "@/lib/personal-api-keys/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "personal_api_keys_roll_create",
    summary: "Roll a personal API key",
    description: "A new `value` (shown once) for the same key, label and scopes; the old value fails on its next request. Session only.",
    auth: "session",
    sensitive: true,
    scope: "user:write",
    params: keyIdParams,
    response: personalApiKeyWithValueSchema,
    errors: { 404: "No key of the caller has this id." },
    handler: ({ principal, params }) => rollKey(principal, params.id),
  }),
});
