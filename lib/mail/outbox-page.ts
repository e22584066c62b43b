import "server-only";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requireStaffPagePrincipal } from "@/lib/auth/page-session";
import type { Principal } from "@/lib/auth/principal";
import { devOutboxEnabled } from "./index";

/** The outbox holds everyone's mail: staff only, and only while it is enabled; anyone else gets a 404. */
export async function requireOutboxViewer(): Promise<Principal> {
  // Decided per request: a build-time check would freeze the answer into a static 404.
  await connection();
  if (!devOutboxEnabled()) notFound();
  return requireStaffPagePrincipal();
}
