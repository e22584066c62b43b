import { z } from "zod";
import { pageSchema } from "@/lib/api/pagination";

import { PASSKEY_NAME_MAX_LENGTH, PASSKEY_RESPONSE_MAX_LENGTH } from "./limits";

export { PASSKEY_CHALLENGE_TTL_SECONDS, PASSKEY_NAME_MAX_LENGTH, PASSKEY_RESPONSE_MAX_LENGTH, PASSKEYS_PER_USER } from "./limits";

const isoDateTime = z.iso.datetime({ offset: true });
const base64url = z.string().max(PASSKEY_RESPONSE_MAX_LENGTH).regex(/^[A-Za-z0-9_-]*$/, "Must be base64url.");
/** WebAuthn credential ids are at most 1023 bytes: 1364 characters of base64url (the column holds 1400). */
const credentialId = base64url.min(1).max(1400, "Not a credential id.");

export const passkeyNameSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "Give the passkey a name." : "The name must be a string.") })
  .trim()
  .min(1, "Give the passkey a name.")
  .max(PASSKEY_NAME_MAX_LENGTH, `Passkey names are at most ${PASSKEY_NAME_MAX_LENGTH} characters.`)
  .meta({ description: `What the user calls this passkey, e.g. "MacBook Touch ID" (at most ${PASSKEY_NAME_MAX_LENGTH} characters).` });

/** `navigator.credentials.create()`'s answer, as `@simplewebauthn/browser`'s `startRegistration` returns it. */
export const registrationResponseSchema = z
  .looseObject({
    id: credentialId,
    rawId: credentialId,
    type: z.literal("public-key"),
    response: z.looseObject({
      clientDataJSON: base64url,
      attestationObject: base64url,
      transports: z.array(z.string().max(32)).max(10).optional(),
    }),
    clientExtensionResults: z.looseObject({}),
    authenticatorAttachment: z.string().max(32).optional(),
  })
  .meta({ id: "PasskeyRegistrationResponse", description: "The browser's `PublicKeyCredential` as JSON (WebAuthn's `toJSON()`)." });

/** `navigator.credentials.get()`'s answer, as `startAuthentication` returns it. */
export const authenticationResponseSchema = z.looseObject({
  id: credentialId,
  rawId: credentialId,
  type: z.literal("public-key"),
  response: z.looseObject({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
  clientExtensionResults: z.looseObject({}),
  authenticatorAttachment: z.string().max(32).optional(),
});
export type AuthenticationResponse = z.infer<typeof authenticationResponseSchema>;

export const passkeyRegistrationSchema = z
  .object({ name: passkeyNameSchema, credential: registrationResponseSchema })
  .meta({ id: "PasskeyRegistration" });
export type PasskeyRegistration = z.infer<typeof passkeyRegistrationSchema>;

export const passkeyRenameSchema = z.object({ name: passkeyNameSchema }).meta({ id: "PasskeyRename" });
export type PasskeyRename = z.infer<typeof passkeyRenameSchema>;

export const passkeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    created_at: isoDateTime,
    last_used_at: isoDateTime.nullable().meta({ description: "Last sign-in (or second step) with it; null when never used." }),
  })
  .meta({ id: "Passkey" });
export type PasskeyDto = z.infer<typeof passkeySchema>;

export const passkeyPageSchema = pageSchema(passkeySchema).meta({ id: "PaginatedPasskeyList" });

export const passkeyIdParams = z.object({ id: z.uuid({ error: "Not a passkey id." }) });

/** Options passed to `navigator.credentials.create()` / `.get()`: WebAuthn's JSON form, left to the browser to read. */
const webauthnOptions = z.record(z.string(), z.unknown());

export const registrationOptionsSchema = webauthnOptions.meta({
  id: "PasskeyCreationOptions",
  description: "`PublicKeyCredentialCreationOptionsJSON` for `navigator.credentials.create()`.",
});

export const authenticationOptionsSchema = z
  .object({
    challenge_id: z.uuid().meta({ description: "Send back as `challenge` with the signed response. Single use." }),
    expires_at: isoDateTime,
    options: webauthnOptions.meta({ description: "`PublicKeyCredentialRequestOptionsJSON` for `navigator.credentials.get()`." }),
  })
  .meta({ id: "PasskeyRequestOptions" });
export type AuthenticationOptionsDto = z.infer<typeof authenticationOptionsSchema>;

/** What the passkey sign-in provider of next-auth receives: the response as a JSON string, and the challenge's id. */
export const passkeySigninSchema = z.object({
  credential: z.string().min(1).max(PASSKEY_RESPONSE_MAX_LENGTH),
  challenge: z.uuid(),
});
