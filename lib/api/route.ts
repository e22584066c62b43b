import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { authenticate, type Principal } from "@/lib/auth/principal";
import { scopeSatisfied, type Scope } from "@/lib/auth/scopes";
import { describeError, log } from "@/lib/log";
import { assertSameOriginWrite } from "./csrf";
import { ApiError, errors } from "./errors";
import { assertNoNulCharacters, readJsonBody } from "./request-body";
import { withApiHeaders } from "./response";
import { toFieldIssues } from "./zod-issues";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
const SAFE_METHODS = new Set<string>(["GET", "HEAD", "OPTIONS"]);

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (request: NextRequest, context: RouteContext) => Promise<Response>;

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

interface EndpointInput<P, Q, B, Auth> {
  request: NextRequest;
  principal: Auth;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
}

interface EndpointOptions<P, Q, B, Auth> {
  params?: P;
  query?: Q;
  /** Parsed from JSON; an empty body is read as `{}`. */
  body?: B;
  handler: (input: EndpointInput<P, Q, B, Auth>) => Promise<Response>;
}

interface AuthenticatedOptions<P, Q, B> extends EndpointOptions<P, Q, B, Principal> {
  scope: Scope;
  /** Identity changes refuse API keys: a leaked key must not take over the account. */
  sessionOnly?: boolean;
}

export interface Endpoint {
  run(request: NextRequest, context: RouteContext, method: string): Promise<Response>;
}

function parseOrThrow<S extends Schema | undefined>(schema: S, input: unknown): Infer<S> {
  if (!schema) return undefined as Infer<S>;
  const result = schema.safeParse(input);
  if (!result.success) throw errors.validation(toFieldIssues(result.error, input));
  return result.data as Infer<S>;
}

async function parseInputs<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined>(
  schemas: { params?: P; query?: Q; body?: B },
  request: NextRequest,
  context: RouteContext,
): Promise<{ params: Infer<P>; query: Infer<Q>; body: Infer<B> }> {
  const rawParams = await context.params;
  const rawQuery = Object.fromEntries(request.nextUrl.searchParams);
  assertNoNulCharacters(rawParams);
  assertNoNulCharacters(rawQuery);
  const params = parseOrThrow(schemas.params, rawParams) as Infer<P>;
  const query = parseOrThrow(schemas.query, rawQuery) as Infer<Q>;
  if (SAFE_METHODS.has(request.method)) return { params, query, body: undefined as Infer<B> };
  const raw = await readJsonBody(request);
  return { params, query, body: parseOrThrow(schemas.body, raw === undefined ? {} : raw) as Infer<B> };
}

/** An endpoint that needs a signed-in caller (session cookie, or a personal API key with `scope`). */
export function endpoint<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  options: AuthenticatedOptions<P, Q, B>,
): Endpoint {
  return {
    async run(request, context) {
      const principal = await authenticate(request);
      if (!principal) throw errors.notAuthenticated();
      if (principal.method === "session") {
        if (!SAFE_METHODS.has(request.method)) assertSameOriginWrite(request);
      } else {
        if (options.sessionOnly) throw errors.notAuthenticated("This action requires a signed-in browser session; personal API keys cannot perform it.");
        if (!scopeSatisfied(principal.scopes, options.scope)) {
          throw errors.permissionDenied(`This action requires the scope "${options.scope}".`);
        }
      }
      const inputs = await parseInputs(options, request, context);
      return options.handler({ request, principal, ...inputs });
    },
  };
}

/** An endpoint anyone may call; the caller is passed along when signed in. */
export function publicEndpoint<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  options: EndpointOptions<P, Q, B, Principal | null>,
): Endpoint {
  return {
    async run(request, context) {
      const principal = await authenticate(request).catch(() => null);
      if (principal?.method === "session" && !SAFE_METHODS.has(request.method)) assertSameOriginWrite(request);
      const inputs = await parseInputs(options, request, context);
      return options.handler({ request, principal, ...inputs });
    },
  };
}

export function errorResponse(error: unknown, request: Request): Response {
  let apiError: ApiError;
  if (error instanceof ApiError) {
    apiError = error;
  } else {
    log.error("api.unhandled_error", { method: request.method, path: new URL(request.url).pathname, ...describeError(error) });
    apiError = errors.server();
  }
  const response = new Response(JSON.stringify(apiError.toBody()), {
    status: apiError.status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...apiError.extra.headers },
  });
  return withApiHeaders(response);
}

async function guarded(request: NextRequest, run: () => Promise<Response>): Promise<Response> {
  try {
    return withApiHeaders(await run());
  } catch (error) {
    return errorResponse(error, request);
  }
}

/**
 * One route file's verbs. Every verb it does not define answers 405 in the envelope with
 * `Allow`, so `export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({...})` covers
 * them all.
 */
export function route(endpoints: Partial<Record<Method, Endpoint>>): Record<Method | "OPTIONS", RouteHandler> {
  const allow = METHODS.filter((method) => endpoints[method]);
  const handlers = {} as Record<Method | "OPTIONS", RouteHandler>;
  // Next would answer OPTIONS itself, listing every exported verb, including the 405 ones.
  handlers.OPTIONS = async () => withApiHeaders(new Response(null, { status: 204, headers: { Allow: allow.join(", ") } }));
  for (const method of METHODS) {
    const defined = endpoints[method];
    handlers[method] = (request, context) =>
      guarded(request, async () => {
        if (!defined) throw errors.methodNotAllowed(method, allow);
        return defined.run(request, context, method);
      });
  }
  return handlers;
}

/** Unknown paths under /api answer 404 in the envelope, never an HTML page. */
export function notFoundRoute(): Record<Method | "OPTIONS", RouteHandler> {
  const handler: RouteHandler = (request) => guarded(request, async () => { throw errors.notFound(); });
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler, OPTIONS: handler };
}
