/** Passkey limits, apart from the schemas so pages can read them without loading zod. */
export const PASSKEY_NAME_MAX_LENGTH = 64;
/** Passkeys kept per user; a registration beyond it is refused. */
export const PASSKEYS_PER_USER = 20;
/** How long a challenge handed out with options can be answered (once). */
export const PASSKEY_CHALLENGE_TTL_SECONDS = 5 * 60;
/** A WebAuthn response as JSON is a few kilobytes; anything much larger is not one. */
export const PASSKEY_RESPONSE_MAX_LENGTH = 16_000;
