import "server-only";
import { env } from "@/lib/env";
import type { Principal } from "./principal";

/** When the caller's recent-authentication window closes (the reference's 2 hours after sign-in). */
export function sensitiveSessionExpiresAt(principal: Principal): Date | null {
  return principal.session ? secureModeEndsAt(principal.session.authenticatedAt) : null;
}

/** The end of the secure-mode window of a session that authenticated at `authenticatedAt`. */
export function secureModeEndsAt(authenticatedAt: Date): Date {
  return new Date(authenticatedAt.getTime() + env.sensitiveActionsAgeSeconds * 1000);
}
