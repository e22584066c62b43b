/** Where a user whose credentials staff asked them to review is held until they confirm. */
export const CREDENTIAL_REVIEW_PATH = "/review-credentials";

/** The review page itself stays open (so the redirect cannot loop), however the path is spelled. */
export function isCredentialReviewPage(path: string): boolean {
  const { pathname } = new URL(path, "http://page.invalid");
  return pathname.replace(/\/+$/, "") === CREDENTIAL_REVIEW_PATH;
}
