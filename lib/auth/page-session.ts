import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";
import { principalFromCookies, type Principal } from "./principal";

/**
 * The signed-in caller for a server component, checked against the database like every API call;
 * once per request, however many layouts, pages and metadata functions ask.
 */
export const getPagePrincipal = cache(async (): Promise<Principal | null> => {
  return principalFromCookies((await headers()).get("cookie"));
});

/** Signed-out visitors go to the sign-in page, which brings them back to the page they asked for. */
export async function requirePagePrincipal(): Promise<Principal> {
  const principal = await getPagePrincipal();
  if (!principal) {
    const requested = (await headers()).get(REQUEST_PATH_HEADER) ?? "/settings/profile";
    redirect(`/signin?next=${encodeURIComponent(requested)}`);
  }
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
