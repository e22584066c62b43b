import type { NextRequest } from "next/server";

/**
 * The URL as the client addressed it (its Host header), for absolute links such as pagination.
 * Next's own `nextUrl` may name the bind address instead.
 */
export function publicUrl(request: NextRequest): URL {
  const url = new URL(request.nextUrl.toString());
  const host = request.headers.get("host");
  if (host) url.host = host;
  return url;
}
