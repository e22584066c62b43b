import "server-only";
import { env } from "@/lib/env";
import type { Principal } from "./principal";

/** When the caller's recent-authentication window closes (the reference's 2 hours after sign-in). */
export function sensitiveSessionExpiresAt(principal: Principal): Date | null {
  if (!principal.session) return null;
  return new Date(principal.session.authenticatedAt.getTime() + env.sensitiveActionsAgeSeconds * 1000);
}
