import { z } from "zod";
import { endpoint, route } from "@/lib/api/route";
import { enforce, mayAuthenticateWith } from "@/lib/users/permissions";
import { keyIdParams, personalApiKeySchema, updateKeyBodySchema } from "@/lib/personal-api-keys/schema";
import { currentKey, deleteKey, retrieveKey, updateKey } from "@/lib/personal-api-keys/service";

const CURRENT = "@current";
const idOrCurrent = z.object({ id: z.string().min(1).max(100).meta({ description: "A key's id, or `@current` for the key making the request." }) });

function isCurrent(id: string): boolean {
  return id === CURRENT || id.toLowerCase() === "%40current";
}

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "personal_api_keys_retrieve",
    summary: "Retrieve a personal API key, or the current one",
    description:
      "`@current`: the key making the request (a personal API key with `user:read`; a cookie session has no current key: 404). " +
      "Any other id: one of the caller's keys, session only (a key is refused with 401); another user's id is a 404. The value is never shown.",
    auth: "either",
    sensitive: true,
    scope: "user:read",
    params: idOrCurrent,
    response: personalApiKeySchema,
    errors: { 404: "No key of the caller has this id, or `@current` without a personal API key." },
    handler: async ({ principal, params }) => {
      if (isCurrent(params.id)) return currentKey(principal);
      // Managing keys needs a browser session, as every other key route declares.
      enforce(mayAuthenticateWith("session", principal.method));
      return retrieveKey(principal, params.id);
    },
  }),
  PATCH: endpoint({
    operationId: "personal_api_keys_partial_update",
    summary: "Rename a personal API key or change its scopes",
    description: "Session only. Another user's id is a 404.",
    auth: "session",
    sensitive: true,
    scope: "user:write",
    params: keyIdParams,
    body: updateKeyBodySchema,
    response: personalApiKeySchema,
    errors: { 404: "No key of the caller has this id." },
    handler: ({ principal, params, body }) => updateKey(principal, params.id, body),
  }),
  DELETE: endpoint({
    operationId: "personal_api_keys_destroy",
    summary: "Delete (revoke) a personal API key",
    description: "The key's next request is refused (401). Session only. Another user's id is a 404.",
    auth: "session",
    sensitive: true,
    scope: "user:write",
    params: keyIdParams,
    status: 204,
    errors: { 404: "No key of the caller has this id." },
    handler: ({ principal, params }) => deleteKey(principal, params.id),
  }),
});
