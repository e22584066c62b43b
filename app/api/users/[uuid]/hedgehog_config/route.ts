import { endpoint, route } from "@/lib/api/route";
import { storedHedgehogConfig, updateHedgehogConfig } from "@/lib/users/hedgehog-config";
import { hedgehogConfigSchema } from "@/lib/users/hedgehog-schema";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "users_hedgehog_config_retrieve",
    summary: "Retrieve the hedgehog config",
    description: "The stored hedgehog mascot config as it was written (flat version 1 or `version: 2`), or `{}` when there is none.",
    scope: "user:read",
    subject: "uuid",
    response: hedgehogConfigSchema,
    handler: ({ subject }) => storedHedgehogConfig(subject),
  }),
  PATCH: endpoint({
    operationId: "users_hedgehog_config_partial_update",
    summary: "Update the hedgehog config",
    description:
      "Merges the body into the stored config: keys not sent are kept (in version 2 also inside `actor_options`); `accessories` is replaced as a whole. Either shape is accepted and the result takes the shape sent (the stored config is converted as PostHog's client does: `walking_enabled` ↔ `actor_options.ai_enabled`); a body of shared flags only keeps the stored shape. Unknown keys, wrong types, unknown skins, colours or accessories, repeated accessories and configs over 8 KB are refused with 400 naming the key. Returns the stored result.",
    scope: "user:write",
    subject: "uuid",
    body: hedgehogConfigSchema,
    response: hedgehogConfigSchema,
    handler: ({ subject, body }) => updateHedgehogConfig(subject, body),
  }),
});
