import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";

/**
 * Layouts cannot see the URL; pass the path along so a signed-out visitor is sent back to the
 * page they asked for after signing in. Always overwritten, so a client cannot supply it.
 */
export function proxy(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/settings/:path*", "/admin/:path*", "/dev/:path*", "/review-credentials"] };
