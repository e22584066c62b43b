import { endpoint, route } from "@/lib/api/route";
import { passkeyIdParams, passkeyRenameSchema, passkeySchema } from "@/lib/passkeys/schemas";
import { deletePasskey, renamePasskey } from "@/lib/passkeys/service";

const OWN_ONLY = "An id that is not one of the caller's passkeys is a 404. Session only; `@me` (or the caller's own uuid) only.";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  PATCH: endpoint({
    operationId: "users_passkeys_partial_update",
    summary: "Rename a passkey",
    description: OWN_ONLY,
    auth: "session",
    scope: "user:write",
    subject: "uuid",
    params: passkeyIdParams,
    body: passkeyRenameSchema,
    response: passkeySchema,
    errors: { 404: "Not one of the caller's passkeys." },
    handler: ({ principal, subject, params, body }) => renamePasskey(principal, subject, params.id, body.name),
  }),
  DELETE: endpoint({
    operationId: "users_passkeys_destroy",
    summary: "Remove a passkey",
    description: `It no longer signs in. Removing the last one also turns \`passkeys_enabled_for_2fa\` off. ${OWN_ONLY}`,
    auth: "session",
    scope: "user:write",
    sensitive: true,
    subject: "uuid",
    params: passkeyIdParams,
    status: 204,
    errors: { 404: "Not one of the caller's passkeys." },
    handler: ({ principal, subject, params }) => deletePasskey(principal, subject, params.id),
  }),
});
