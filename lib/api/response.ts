import { env } from "@/lib/env";
import { securityHeaders } from "@/lib/security-headers.mjs";
import { jsonBody } from "./json-body";

const JSON_TYPE = "application/json; charset=utf-8";

export function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(jsonBody(data), {
    status: init.status ?? 200,
    headers: { "Content-Type": JSON_TYPE, ...init.headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

let apiHeaders: Array<[string, string]> | null = null;

/** The pages' security headers, and user data never cached; built once. */
function headersOfApi(): Array<[string, string]> {
  apiHeaders ??= [
    ...securityHeaders({ https: env.secureCookies, development: process.env.NODE_ENV === "development" }).map(({ key, value }): [string, string] => [key, value]),
    ["Cache-Control", "no-store"],
  ];
  return apiHeaders;
}

/** Headers every API response carries: the pages' security headers, and user data is never cached or sniffed. */
export function withApiHeaders(response: Response): Response {
  for (const [key, value] of headersOfApi()) response.headers.set(key, value);
  return response;
}
