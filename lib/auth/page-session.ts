import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { principalFromCookies, type Principal } from "./principal";

/** The signed-in caller for a server component, checked against the database like every API call. */
export async function getPagePrincipal(): Promise<Principal | null> {
  return principalFromCookies((await headers()).get("cookie"));
}

export async function requirePagePrincipal(currentPath: string): Promise<Principal> {
  const principal = await getPagePrincipal();
  if (!principal) redirect(`/signin?next=${encodeURIComponent(currentPath)}`);
  return principal;
}
