import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import type { RouteHandler } from "@/lib/api/route";
import { assertMatchesDeclaration } from "./response-contract";

export const ORIGIN = "http://localhost:3000";

/** A next-auth session cookie exactly as sign-in would mint it. */
export async function sessionCookie(user: { uuid: string; email: string; sessionVersion: number }, authAt = Date.now()): Promise<string> {
  const token = await encode({
    token: { sub: user.uuid, email: user.email, sv: user.sessionVersion, sid: randomUUID(), authAt },
    secret: process.env.NEXTAUTH_SECRET ?? "",
  });
  return `next-auth.session-token=${token}`;
}

export interface CallOptions {
  method?: string;
  path: string;
  params?: Record<string, string>;
  cookie?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** Parsed JSON, typed loosely on purpose: the assertions that read it are what check its shape. */
export type ParsedJson = any;

/**
 * Calls a route handler in-process with a same-origin browser-like request. `headers` override the
 * defaults; a header given as "" is dropped (e.g. `{ origin: "", "sec-fetch-site": "" }`).
 */
export async function call(handler: RouteHandler, options: CallOptions): Promise<{ status: number; headers: Headers; body: ParsedJson }> {
  const headers = new Headers();
  const merged = { origin: ORIGIN, "sec-fetch-site": "same-origin", host: "localhost:3000", ...options.headers };
  for (const [name, value] of Object.entries(merged)) if (value !== "") headers.set(name, value);
  if (options.cookie) headers.set("cookie", options.cookie);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new NextRequest(new URL(options.path, ORIGIN), { method: options.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  const result = { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  assertMatchesDeclaration(handler, options.method ?? "GET", result);
  return result;
}
