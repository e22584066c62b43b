import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
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
