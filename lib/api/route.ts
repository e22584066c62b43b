import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { authenticate, twoFactorStandingOf, type Principal } from "@/lib/auth/principal";
import type { Scope } from "@/lib/auth/scopes";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { refusedMethodOf } from "@/lib/http-gate";
import { describeError, log, requestIdFor, withRequestContext, withRequestIdHeader } from "@/lib/log";
import { noteRequestSession } from "@/lib/request-context";
import { applyRateLimit, type RateLimitName } from "@/lib/rate-limit";
import { env } from "@/lib/env";
import { enforce, hasScope, isMeRef, mayAuthenticateWith, mayMakeSensitiveChange, mayProceedWithoutTwoFactor, parseUserRef, type AuthMode, type Sensitivity } from "@/lib/users/permissions";
import { resolveSubject, type Subject, type SubjectParam } from "@/lib/users/subject";
import { assertSameOriginWrite } from "./csrf";
import { ApiError, errors } from "./errors";
import { assertStorableText, readJsonBody } from "./request-body";
import { json, noContent, withApiHeaders } from "./response";
import { toFieldIssues } from "./zod-issues";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];
const SAFE_METHODS = new Set<string>(["GET", "HEAD", "OPTIONS"]);

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (request: NextRequest, context: RouteContext) => Promise<Response>;

type Schema = z.ZodType;
type ObjectSchema = z.ZodObject;
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;
/** 302: a browser's landing route (GitHub's return), answering with a `Location`. */
type SuccessStatus = 200 | 201 | 202 | 204 | 302;

/** A success answer other than the declared one (e.g. health's 503), listed in `otherResponses`. */
export class Reply<T = unknown> {
  constructor(
    readonly status: number,
    readonly body: T,
  ) {}
}

export function reply<T>(status: number, body: T): Reply<T> {
  return new Reply(status, body);
}

type PrincipalFor<A extends AuthMode> = A extends "public" ? Principal | null : Principal;
type SubjectFor<S> = S extends SubjectParam ? Subject : undefined;
type Payload<R, St> = St extends 204 ? void : R extends z.ZodType ? z.input<R> : void;

export interface HandlerInput<A extends AuthMode, S, P, Q, B> {
  request: NextRequest;
  principal: PrincipalFor<A>;
  /** The user the path names, already checked against the permission rules. */
  subject: SubjectFor<S>;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
}

interface DeclarationBase<A extends AuthMode, S, P, Q, B, R, St> {
  /** The reference's operation id style: `users_list`, `users_retrieve`, `users_partial_update`, … */
  operationId: string;
  summary: string;
  description?: string;
  /** `"either"` (default): a session cookie or a personal API key; `"session"`: cookie only; `"public"`: anyone. */
  auth?: A;
  /** The path parameter naming the user acted on (`@me`, `%40me`, own uuid, or anyone for staff). */
  subject?: S;
  /**
   * The handler shows the subject's memberships: for `@me` from a browser session, the session
   * check reads them in its own statement (`subject.details`), one round trip less.
   */
  subjectDetails?: boolean;
  /**
   * Secure mode: from a browser session, this write needs a recent sign-in (`true`), or one
   * decided by the parsed body (`null` = harmless, `"fresh"` = the shorter email-change window).
   */
  sensitive?: boolean | ((body: Infer<B>) => Sensitivity | null);
  /** A named budget from the shared limiter, spent before the handler runs. */
  rateLimit?: RateLimitName;
  /**
   * Stays open, on the caller themselves, to a signed-in user whose organization enforces
   * two-factor and who has not set it up (everything else answers `two_factor_setup_required`):
   * only what that user needs to get out of the state. Public routes act as nobody and are open anyway.
   */
  allowedDuringTwoFactorSetup?: boolean;
  params?: P;
  query?: Q;
  /** Parsed from JSON; an empty body is read as `{}`. */
  body?: B;
  /** The success body; omit it (with `status: 204`) for no content. */
  response?: R;
  status?: St;
  otherResponses?: Partial<Record<number, { description: string; schema: Schema }>>;
  /** Error statuses the handler itself may answer with, beyond the ones the declaration implies. */
  errors?: Partial<Record<number, string>>;
  /** Returns the body (rendered as JSON with `status`), a `reply()` for another status, or a ready `Response` for another content type. */
  handler: (input: HandlerInput<A, S, P, Q, B>) => Promise<Payload<R, St> | Reply | Response>;
}

type ScopeRule<A extends AuthMode> = A extends "public" ? { scope?: undefined } : { scope: Scope };

export type Declaration<A extends AuthMode = AuthMode, S = unknown, P = unknown, Q = unknown, B = unknown, R = unknown, St = unknown> =
  DeclarationBase<A, S, P, Q, B, R, St> & ScopeRule<A>;

/** What the OpenAPI document and the tests read back from a route's verbs. */
export interface EndpointSpec {
  operationId: string;
  summary: string;
  description?: string;
  auth: AuthMode;
  scope?: Scope;
  subject?: SubjectParam;
  sensitive: boolean;
  rateLimit?: RateLimitName;
  allowedDuringTwoFactorSetup: boolean;
  params?: ObjectSchema;
  query?: Schema;
  body?: Schema;
  status: SuccessStatus;
  response?: Schema;
  otherResponses: Partial<Record<number, { description: string; schema: Schema }>>;
  errors: Partial<Record<number, string>>;
}

export interface Endpoint {
  spec: EndpointSpec;
  run(request: NextRequest, context: RouteContext): Promise<Response>;
}

function parseOrThrow<S extends Schema | undefined>(schema: S, input: unknown): Infer<S> {
  if (!schema) return undefined as Infer<S>;
  const result = schema.safeParse(input);
  if (!result.success) throw errors.validation(toFieldIssues(result.error, input));
  return result.data as Infer<S>;
}

const subjectParamSchema = z.string().min(1).max(100).meta({ description: "A user's uuid, or `@me` for the caller." });

/** The path schema with the subject parameter folded in, built once per declaration. */
function pathSchema(subject: SubjectParam | undefined, params: ObjectSchema | undefined): ObjectSchema | undefined {
  if (!subject) return params;
  return (params ?? z.object({})).extend({ [subject]: subjectParamSchema });
}

/**
 * One endpoint, declared: the wrapper authenticates, checks the auth mode and scope, holds a
 * session to its organization's enforced two-factor, refuses cross-site cookie writes, spends the
 * rate budget, parses params, query and body, resolves the subject through the permission rules,
 * then calls the handler and renders its answer.
 */
export function endpoint<
  A extends AuthMode = "either",
  S extends SubjectParam | undefined = undefined,
  P extends ObjectSchema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
  St extends SuccessStatus = 200,
>(declaration: Declaration<A, S, P, Q, B, R, St>): Endpoint {
  const auth: AuthMode = declaration.auth ?? "either";
  const params = pathSchema(declaration.subject, declaration.params);
  const status: SuccessStatus = declaration.status ?? 200;
  const spec: EndpointSpec = {
    operationId: declaration.operationId,
    summary: declaration.summary,
    description: declaration.description,
    auth,
    scope: declaration.scope,
    subject: declaration.subject,
    sensitive: Boolean(declaration.sensitive),
    rateLimit: declaration.rateLimit,
    allowedDuringTwoFactorSetup: auth === "public" || (declaration.allowedDuringTwoFactorSetup ?? false),
    params,
    query: declaration.query,
    body: declaration.body,
    status,
    response: declaration.response,
    otherResponses: declaration.otherResponses ?? {},
    errors: declaration.errors ?? {},
  };

  return {
    spec,
    async run(request, context) {
      const rawParams = await context.params;
      const ref = declaration.subject ? rawParams[declaration.subject] : undefined;
      const withDetails = Boolean(declaration.subjectDetails) && typeof ref === "string" && isMeRef(ref);
      const principal = await authenticateFor(auth, request, withDetails);
      noteRequestSession(principal?.session?.id ?? null);
      if (principal?.method === "personal_api_key" && declaration.scope) enforce(hasScope(actorOf(principal), declaration.scope));
      if (principal && auth !== "public") enforce(mayProceedWithoutTwoFactor(twoFactorStandingOf(principal), targetOf(spec, principal, ref)));
      if (principal?.method === "session" && !SAFE_METHODS.has(request.method)) assertSameOriginWrite(request);
      if (declaration.rateLimit) await applyRateLimit(declaration.rateLimit, request, principal);

      const rawQuery = Object.fromEntries(request.nextUrl.searchParams);
      assertStorableText(rawParams);
      assertStorableText(rawQuery);
      const parsedParams = parseOrThrow(params, rawParams) as Record<string, string> | undefined;
      const query = parseOrThrow(declaration.query, rawQuery);
      const body = SAFE_METHODS.has(request.method) ? undefined : await readBody(declaration.body, request);
      if (principal && declaration.sensitive && !SAFE_METHODS.has(request.method)) {
        const sensitivity = declaration.sensitive === true ? "recent" : declaration.sensitive(body as Infer<B>);
        if (sensitivity) enforce(mayMakeSensitiveChange(sensitiveCaller(principal), sensitivity, sensitiveWindows(), Date.now()));
      }
      const subject =
        declaration.subject && principal ? await resolveSubject(principal, parsedParams?.[declaration.subject] ?? "") : undefined;

      const result = await declaration.handler({
        request,
        principal: principal as PrincipalFor<A>,
        subject: subject as SubjectFor<S>,
        params: parsedParams as Infer<P>,
        query: query as Infer<Q>,
        body: body as Infer<B>,
      });
      if (result instanceof Response) return result;
      if (result instanceof Reply) return json(result.body, { status: result.status });
      return status === 204 ? noContent() : json(result, { status });
    },
  };
}

async function readBody(schema: Schema | undefined, request: NextRequest): Promise<unknown> {
  const raw = await readJsonBody(request);
  return parseOrThrow(schema, raw === undefined ? {} : raw);
}

async function authenticateFor(auth: AuthMode, request: NextRequest, withDetails: boolean): Promise<Principal | null> {
  if (auth === "public") return authenticate(request).catch(() => null);
  const principal = await authenticate(request, { withDetails });
  if (!principal) throw errors.notAuthenticated();
  enforce(mayAuthenticateWith(auth, principal.method));
  return principal;
}

function sensitiveCaller(principal: Principal) {
  return { via: principal.method, authenticatedAt: principal.session?.authenticatedAt ?? null };
}

function sensitiveWindows() {
  return { recentSeconds: env.sensitiveActionsAgeSeconds, freshSeconds: env.emailChangeAgeSeconds };
}

function actorOf(principal: Principal) {
  return { via: principal.method, scopes: principal.scopes };
}

/** The declaration decides, not the URL's spelling (`@me`, `%40me`, own uuid, trailing slash or not). */
function targetOf(spec: EndpointSpec, principal: Principal, ref: string | string[] | undefined) {
  const addressesSelf = !spec.subject || (typeof ref === "string" && parseUserRef(principal.user, ref).kind === "self");
  return { allowedDuringTwoFactorSetup: spec.allowedDuringTwoFactorSetup, addressesSelf };
}

/** Long enough for a restarting database; short enough that clients retry soon after it is back. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

// A path segment this long and random is a credential (a reset link's token), not a name.
const TOKEN_SEGMENT = /^[A-Za-z0-9_-]{24,}$/;
const UUID_SEGMENT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request's path for the log, with credential-like segments masked. */
export function loggablePath(request: Request): string {
  return new URL(request.url).pathname
    .split("/")
    .map((segment) => (TOKEN_SEGMENT.test(segment) && !UUID_SEGMENT.test(segment) ? "[redacted]" : segment))
    .join("/");
}

function errorResponse(error: unknown, request: Request): Response {
  let apiError: ApiError;
  if (error instanceof ApiError) {
    apiError = error;
  } else if (isDatabaseUnavailable(error)) {
    log.warn("api.database_unavailable", { method: request.method, path: loggablePath(request), errorName: describeError(error).errorName });
    apiError = errors.serviceUnavailable(DATABASE_RETRY_AFTER_SECONDS);
  } else {
    log.error("api.unhandled_error", { method: request.method, path: loggablePath(request), ...describeError(error) });
    apiError = errors.server();
  }
  const response = new Response(JSON.stringify(apiError.toBody()), {
    status: apiError.status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...apiError.extra.headers },
  });
  return withApiHeaders(response);
}

/** Runs one API request with its request id and API headers; anything thrown is answered in the envelope. */
export async function guarded(request: NextRequest, run: () => Promise<Response>): Promise<Response> {
  const requestId = requestIdFor(request);
  const response = await withRequestContext(
    requestId,
    async () => {
      try {
        return withApiHeaders(await run());
      } catch (error) {
        return errorResponse(error, request);
      }
    },
    request.headers,
  );
  return withRequestIdHeader(response, requestId);
}

const endpointsOf = new WeakMap<RouteHandler, Endpoint>();

/** The declaration behind a route verb, for the OpenAPI document and the tests. */
export function endpointOf(handler: unknown): Endpoint | undefined {
  return typeof handler === "function" ? endpointsOf.get(handler as RouteHandler) : undefined;
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
  handlers.OPTIONS = (request) =>
    guarded(request, async () => {
      const refused = refusedMethodOf(request);
      if (refused) throw errors.methodNotAllowed(refused, allow);
      return new Response(null, { status: 204, headers: { Allow: allow.join(", ") } });
    });
  for (const method of METHODS) {
    const defined = endpoints[method];
    handlers[method] = (request, context) =>
      guarded(request, async () => {
        if (!defined) throw errors.methodNotAllowed(method, allow);
        return defined.run(request, context);
      });
    if (defined) endpointsOf.set(handlers[method], defined);
  }
  return handlers;
}

/** Unknown paths under /api answer 404 in the envelope, never an HTML page. */
export function notFoundRoute(): Record<Method | "OPTIONS", RouteHandler> {
  const handler: RouteHandler = (request) =>
    guarded(request, async () => {
      const refused = refusedMethodOf(request);
      // Nothing is served here, so no method is allowed.
      throw refused ? errors.methodNotAllowed(refused, []) : errors.notFound();
    });
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler, OPTIONS: handler };
}
