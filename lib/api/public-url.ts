import "server-only";
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";

/** The app's own origin as configured (`NEXTAUTH_URL`, else `http://localhost:$PORT`), never a request's `Host`. */
export function publicOrigin(): string {
  return env.publicUrl ? new URL(env.publicUrl).origin : `http://localhost:${env.port}`;
}

/**
 * The request's path and query on the configured origin, for absolute links such as pagination:
 * a client-chosen `Host` header must not decide where our links point.
 */
export function publicUrl(request: NextRequest): URL {
  return new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, publicOrigin());
}
