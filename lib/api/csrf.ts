import { env } from "@/lib/env";
import { errors } from "./errors";

function requestOrigin(request: Request): string | null {
  const host = request.headers.get("host");
  if (!host) return null;
  const protocol = new URL(request.url).protocol;
  return `${protocol}//${host}`;
}

function allowedOrigins(request: Request): Set<string> {
  const origins = new Set<string>();
  const own = requestOrigin(request);
  if (own) origins.add(own);
  const configured = env.publicUrl;
  if (configured) origins.add(new URL(configured).origin);
  return origins;
}

/**
 * Cookie-authenticated writes must come from our own pages (OWASP Fetch Metadata recipe with an
 * Origin/Referer fallback). `Origin: null` counts as foreign; a request naming no origin at all
 * is refused too, since a browser always sends one of these on a write.
 */
export function assertSameOriginWrite(request: Request): void {
  const denied = () => errors.permissionDenied("Cross-site requests are not allowed for cookie-authenticated writes.", "csrf_failed");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null) {
    if (fetchSite !== "same-origin" && fetchSite !== "none") throw denied();
  }
  const allowed = allowedOrigins(request);
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (!allowed.has(origin)) throw denied();
    return;
  }
  if (fetchSite !== null) return;
  const referer = request.headers.get("referer");
  if (referer !== null) {
    let refererOrigin: string | null = null;
    try {
      refererOrigin = new URL(referer).origin;
    } catch {
      refererOrigin = null;
    }
    if (refererOrigin !== null && allowed.has(refererOrigin)) return;
  }
  throw denied();
}
