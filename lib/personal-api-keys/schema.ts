import { z } from "zod";
import { pageSchema } from "@/lib/api/pagination";
import { SCOPES } from "@/lib/auth/scopes";

const isoDateTime = z.iso.datetime({ offset: true });

/** At most this many keys per user. */
export const MAX_KEYS_PER_USER = 10;

export const keyScopeSchema = z.enum(["*", ...SCOPES]);

const label = z
  .string({ error: "A label is required." })
  .trim()
  .min(1, "A label is required.")
  .max(40, "Ensure this field has no more than 40 characters.")
  .meta({ description: "A name for the key, up to 40 characters." });

const scopes = z
  .array(keyScopeSchema, { error: "Scopes must be a list: \"user:read\", \"user:write\", or [\"*\"]." })
  .min(1, "Give the key at least one scope.")
  .refine((list) => !list.includes("*") || list.length === 1, "\"*\" grants every scope and cannot be combined with others.")
  .transform((list) => [...new Set(list)])
  .meta({ description: "`[\"*\"]` for every scope, or a subset of `user:read`, `user:write` (write implies read)." });

export const createKeyBodySchema = z.object({ label, scopes });
export const updateKeyBodySchema = z.object({ label: label.optional(), scopes: scopes.optional() });

export const personalApiKeySchema = z
  .object({
    id: z.uuid(),
    label: z.string(),
    scopes: z.array(z.string()),
    mask_value: z.string().meta({ description: "The prefix and the last four characters, e.g. `phx_…AbCd`." }),
    created_at: isoDateTime,
    last_used_at: isoDateTime.nullable().meta({ description: "Last request made with the key, to the minute." }),
    last_rolled_at: isoDateTime.nullable(),
  })
  .meta({ id: "PersonalApiKey" });

export const personalApiKeyWithValueSchema = personalApiKeySchema
  .extend({ value: z.string().meta({ description: "The full key. Shown only in this answer; store it now." }) })
  .meta({ id: "PersonalApiKeyWithValue" });

export const personalApiKeyPageSchema = pageSchema(personalApiKeySchema).meta({ id: "PaginatedPersonalApiKeyList" });

export const keyIdParams = z.object({ id: z.uuid({ error: "Not a personal API key id." }) });

export type PersonalApiKeyDto = z.infer<typeof personalApiKeySchema>;
