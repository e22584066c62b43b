import http from "node:http";
import https from "node:https";
import { ApiError } from "@/lib/api/errors";

/**
 * Requests Next.js cannot serve properly, handled before Next sees them:
 * - a method other than the seven it routes: `TRACE`/`TRACK` are forbidden by the Fetch
 *   standard, so Next's request adapter throws (a text/plain 500 and a stack trace in the log),
 *   and WebDAV's `PROPFIND` and friends get a bare 400 under /api and a rendered page elsewhere.
 *   Pages answer 405 here; under `/api` the request goes on as an `OPTIONS` marked with
 *   REFUSED_METHOD_HEADER, so the route itself answers 405 in the envelope with its own `Allow`.
 * - an `/api` path whose percent-encoding does not decode (`%ff`, overlong `%C0%AF`): Next's
 *   router fails to decode the route parameters and answers a text/plain 500. 400 here.
 * The check costs a Set lookup and, only for paths with a `%`, one decode per segment.
 */
export const REFUSED_METHOD_HEADER = "x-refused-method";

export interface GateAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type GateDecision = { answer: GateAnswer } | { refuseAs: string } | null;

const SERVED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function decodes(path: string): boolean {
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

const INVALID_PATH = new ApiError(400, "invalid_request", "invalid_path", "The request path is not valid percent-encoded UTF-8.");

/** The path of a request target, also in absolute form (`GET http://host/api/x HTTP/1.1`). */
function pathOf(target: string): string {
  let path = target;
  if (!path.startsWith("/")) {
    const authorityEnd = path.indexOf("/", path.indexOf("//") + 2);
    path = authorityEnd === -1 ? "/" : path.slice(authorityEnd);
  }
  const queryAt = path.indexOf("?");
  return queryAt === -1 ? path : path.slice(0, queryAt);
}

export function gateRequest(method: string | undefined, url: string | undefined): GateDecision {
  const path = pathOf(url ?? "/");
  const api = path === "/api" || path.startsWith("/api/");
  if (api && path.includes("%") && !decodes(path)) {
    return {
      answer: {
        status: INVALID_PATH.status,
        headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
        body: JSON.stringify(INVALID_PATH.toBody()),
      },
    };
  }
  if (method === undefined || SERVED_METHODS.has(method)) return null;
  if (api) return { refuseAs: method.toUpperCase() };
  return {
    answer: {
      status: 405,
      headers: { "Content-Type": "text/plain; charset=utf-8", Allow: "GET, HEAD", "X-Content-Type-Options": "nosniff" },
      body: "Method Not Allowed",
    },
  };
}

/** The method an `/api` route must refuse with 405 (set only by the gate), else null. */
export function refusedMethodOf(request: Request): string | null {
  return request.headers.get(REFUSED_METHOD_HEADER);
}

const INSTALLED = Symbol.for("account-settings.http-gate");

/**
 * `next start` owns the HTTP server, so the gate sits on the servers' `emit`, the one place every
 * request passes before Next's handler. Installed once, from instrumentation.
 */
export function installHttpGate(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as { emit: (event: string | symbol, ...args: unknown[]) => boolean; [INSTALLED]?: true };
    if (proto[INSTALLED]) continue;
    proto[INSTALLED] = true;
    const emit = proto.emit;
    proto.emit = function gatedEmit(this: unknown, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request") {
        const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
        // Only the gate may set this header; a client-sent one is dropped.
        if (req.headers[REFUSED_METHOD_HEADER] !== undefined) delete req.headers[REFUSED_METHOD_HEADER];
        const decision = gateRequest(req.method, req.url);
        if (decision && "answer" in decision) {
          res.writeHead(decision.answer.status, decision.answer.headers);
          res.end(decision.answer.body);
          return true;
        }
        if (decision) {
          req.method = "OPTIONS";
          req.headers[REFUSED_METHOD_HEADER] = decision.refuseAs;
        }
      }
      return emit.call(this, event, ...args);
    };
  }
}
