import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import type { RouteHandler } from "@/lib/api/route";
import { db } from "@/lib/db/client";
import { assertMatchesDeclaration } from "./response-contract";

export const ORIGIN = "http://localhost:3000";

type SessionOwner = { id: number; uuid: string; email: string };

/** A session row and its next-auth cookie, exactly as sign-in would make them; `authAt` is when it signed in. */
export async function signedInSession(user: SessionOwner, authAt = Date.now(), row: { ip?: string; userAgent?: string } = {}) {
  const id = randomUUID();
  const signedInAt = new Date(authAt);
  await db().session.create({
    data: { id, userId: user.id, createdAt: signedInAt, authenticatedAt: signedInAt, deviceLabel: "Test runner", userAgent: row.userAgent ?? "vitest", ip: row.ip ?? null },
  });
  return { id, cookie: await cookieFor(user.uuid, user.email, id) };
}

export async function sessionCookie(user: SessionOwner, authAt = Date.now()): Promise<string> {
  return (await signedInSession(user, authAt)).cookie;
}

/** The cookie for an existing session row. */
export async function cookieFor(userUuid: string, email: string, sid: string): Promise<string> {
  const token = await encode({ token: { sub: userUuid, email, sid }, secret: process.env.NEXTAUTH_SECRET ?? "" });
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
