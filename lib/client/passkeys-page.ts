import { PASSKEYS_PER_USER } from "@/lib/passkeys/limits";

/** Every passkey a user can have, on one page. */
export const PASSKEYS_PAGE_LIMIT = PASSKEYS_PER_USER;
