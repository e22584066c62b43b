import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";
import { mayProceedWithoutTwoFactor } from "@/lib/users/permissions";
import { principalFromCookies, twoFactorStandingOf, type Principal } from "./principal";
import { CREDENTIAL_REVIEW_PATH, isCredentialReviewPage } from "./credential-review-page";
import { isTwoFactorSetupPage, TWO_FACTOR_SETUP_URL } from "./two-factor-setup";

/**
 * The signed-in caller for a server component, checked against the database like every API call;
 * once per request, however many layouts, pages and metadata functions ask.
 */
export const getPagePrincipal = cache(async (): Promise<Principal | null> => {
  return principalFromCookies((await headers()).get("cookie"));
});

/**
 * Signed-out visitors go to the sign-in page, which brings them back to the page they asked for.
 * A user whose organization enforces two-factor and who has not set it up goes to the setup page
 * from every other page (the API's rule, with that page as the one way out). A user staff asked
 * to review their credentials goes to /review-credentials (the API keeps answering them).
 */
export async function requirePagePrincipal(): Promise<Principal> {
  const principal = await getPagePrincipal();
  const requested = (await headers()).get(REQUEST_PATH_HEADER);
  if (!principal) redirect(`/signin?next=${encodeURIComponent(requested ?? "/settings/profile")}`);
  // Without the path (proxy.ts sets it on every page request) the page renders: never a loop.
  const onSetupPage = requested === null || isTwoFactorSetupPage(requested);
  const standing = twoFactorStandingOf(principal);
  if (mayProceedWithoutTwoFactor(standing, { allowedDuringTwoFactorSetup: onSetupPage, addressesSelf: true })) redirect(TWO_FACTOR_SETUP_URL);
  // Staff asked for a credential review: every other page sends the user to it, once two-factor
  // no longer holds them at its setup page (so the two rules cannot send each other back and forth).
  const heldAtTwoFactorSetup = mayProceedWithoutTwoFactor(standing, { allowedDuringTwoFactorSetup: false, addressesSelf: true }) !== null;
  const onReviewPage = requested === null || isCredentialReviewPage(requested);
  if (principal.user.requiresCredentialReview && !heldAtTwoFactorSetup && !onReviewPage) redirect(CREDENTIAL_REVIEW_PATH);
  return principal;
}

/**
 * Staff pages: non-staff get the answer a missing page gets. Cached, so a layout, its page and
 * their metadata (resolved apart from the layout) all check at the cost of one.
 */
export const requireStaffPagePrincipal = cache(async (): Promise<Principal> => {
  const principal = await requirePagePrincipal();
  if (!principal.user.isStaff) notFound();
  return principal;
});
