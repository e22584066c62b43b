const JSON_TYPE = "application/json; charset=utf-8";

export function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(data), {
    status: init.status ?? 200,
    headers: { "Content-Type": JSON_TYPE, ...init.headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** Headers every API response carries: user data is never cached or sniffed. */
export function withApiHeaders(response: Response): Response {
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("X-Content-Type-Options", "nosniff");
  return response;
}
