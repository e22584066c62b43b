import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

/** A caller's id is kept only when it cannot smuggle anything odd into a log line or header. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

interface RequestContext {
  requestId: string;
  /** The request's headers: where it came from, for the activity log. */
  headers?: Headers;
  /** The cookie session the request was authenticated with, once the route wrapper knows it. */
  sessionId?: string | null;
}

const requestContext = new AsyncLocalStorage<RequestContext>();

/** The proxy's (or client's) `X-Request-Id` when well-formed, so lines correlate across hops; otherwise a fresh one. */
export function requestIdFor(request: Request): string {
  const incoming = request.headers.get(REQUEST_ID_HEADER);
  return incoming !== null && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Every log line written while `fn` runs (across awaits) carries this request id. */
export function withRequestContext<T>(requestId: string, fn: () => Promise<T>, headers?: Headers): Promise<T> {
  return requestContext.run({ requestId, headers }, fn);
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

export function currentRequestHeaders(): Headers | undefined {
  return requestContext.getStore()?.headers;
}

export function noteRequestSession(sessionId: string | null): void {
  const store = requestContext.getStore();
  if (store) store.sessionId = sessionId;
}

export function currentRequestSessionId(): string | null {
  return requestContext.getStore()?.sessionId ?? null;
}

/** Sets `X-Request-Id`; redirects made with `Response.redirect` have immutable headers, so those are copied. */
export function withRequestIdHeader(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}
