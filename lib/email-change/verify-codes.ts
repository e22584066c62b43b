/** The codes the verify page tells apart. */
export const VERIFY_EMAIL_ERROR_CODES = {
  invalid: "invalid_token",
  expired: "token_expired",
  taken: "email_taken",
} as const;
