import type { ApiClientError } from "./api-client";

export const WRONG_CODE_MESSAGE =
  "That code didn't work. Enter the code your app shows now; if it keeps failing, check that your phone sets its clock automatically.";
export const WRONG_BACKUP_CODE_MESSAGE = "That backup code didn't work. Each code works only once; check it and try another.";
export const SETUP_EXPIRED_MESSAGE = "This setup has expired. Start again to get a new QR code.";

export function throttledMessage(seconds: number | null): string {
  if (!seconds) return "Too many wrong codes. Wait a few minutes, then try again.";
  return `Too many wrong codes. Try again in ${seconds === 1 ? "1 second" : `${seconds} seconds`}.`;
}

/** What a refused code means to the person who typed it. */
export function codeErrorMessage(error: ApiClientError, kind: "totp" | "backup" = "totp"): string {
  if (error.isRetryable) return "We couldn't check the code. Check your connection and try again.";
  if (error.status === 429) return throttledMessage(error.retryAfterSeconds);
  const code = error.body.code;
  if (code === "token_invalid") return kind === "totp" ? WRONG_CODE_MESSAGE : WRONG_BACKUP_CODE_MESSAGE;
  if (code === "setup_expired") return SETUP_EXPIRED_MESSAGE;
  return error.body.detail;
}
