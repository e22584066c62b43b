import "server-only";
import type { Principal } from "./principal";

function sensitiveActionsAgeSeconds(): number {
  const configured = Number(process.env.SESSION_SENSITIVE_ACTIONS_AGE_SECONDS);
  return Number.isInteger(configured) && configured > 0 ? configured : 2 * 60 * 60;
}

/** When the caller's recent-authentication window closes (the reference's 2 hours after sign-in). */
export function sensitiveSessionExpiresAt(principal: Principal): Date | null {
  if (!principal.session) return null;
  return new Date(principal.session.authenticatedAt.getTime() + sensitiveActionsAgeSeconds() * 1000);
}
