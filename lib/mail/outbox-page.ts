import "server-only";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import type { Principal } from "@/lib/auth/principal";
import { mayReadOutbox } from "@/lib/users/permissions";
import { devOutboxEnabled } from "./index";

/** The outbox page's gate: anyone but staff, or any visitor while it is off, gets a plain 404. */
export async function requireOutboxViewer(): Promise<Principal> {
  // Decided per request: a build-time check would freeze the answer into a static 404.
  await connection();
  // Before the sign-in redirect: a disabled outbox is simply not there.
  if (!devOutboxEnabled()) notFound();
  const principal = await requirePagePrincipal();
  if (!mayReadOutbox(principal.user, devOutboxEnabled())) notFound();
  return principal;
}
