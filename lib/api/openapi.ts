import "server-only";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { env } from "@/lib/env";
import { errorEnvelopeSchema } from "./envelope";
import { endpointOf, METHODS, type EndpointSpec, type Method } from "./route";

export interface RouteModule {
  /** The URL template, OpenAPI style: `/api/users/{uuid}`. */
  path: string;
  handlers: Partial<Record<Method, unknown>>;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input: `attr` names the field, `issues` lists every problem.",
  401: "Not signed in, or the credentials are invalid.",
  403: "Signed in, but not allowed.",
  404: "Not found.",
  413: "The request body is too large.",
  415: "The request body is not JSON.",
  429: "Rate limited; `Retry-After` says when to try again.",
  500: "Server error; the body never carries details.",
  503: "The database is unreachable (`service_unavailable`); `Retry-After` says when to try again.",
};

/** Every error status an endpoint can answer with, derived from what its declaration makes the wrapper do. */
export function errorStatuses(spec: EndpointSpec, method: Method): Map<number, string> {
  const statuses = new Map<number, string>();
  const add = (status: number, why: string) => {
    const earlier = statuses.get(status);
    statuses.set(status, earlier ? `${earlier} ${why}` : why);
  };
  const writes = method !== "GET";
  if (spec.params || spec.query || (writes && spec.body)) add(400, ERROR_DESCRIPTIONS[400]!);
  if (writes) add(400, "Malformed JSON (`parse_error`).");
  if (spec.auth !== "public") add(401, ERROR_DESCRIPTIONS[401]!);
  if (spec.auth === "either") add(403, "The personal API key lacks the required scope.");
  if (spec.subject) add(403, "Only staff may act on another user.");
  if (!spec.allowedDuringTwoFactorSetup) add(403, "The current organization enforces two-factor and the caller has not set it up (`two_factor_setup_required`).");
  if (writes) add(403, "Cross-site cookie-authenticated write (`csrf_failed`).");
  if (spec.subject) add(404, "No such active user (staff only).");
  if (writes) {
    add(413, ERROR_DESCRIPTIONS[413]!);
    add(415, ERROR_DESCRIPTIONS[415]!);
  }
  if (spec.rateLimit) add(429, ERROR_DESCRIPTIONS[429]!);
  for (const [status, why] of Object.entries(spec.errors)) if (why) add(Number(status), why);
  add(500, ERROR_DESCRIPTIONS[500]!);
  if (!spec.otherResponses[503]) add(503, ERROR_DESCRIPTIONS[503]!);
  return new Map([...statuses].sort(([a], [b]) => a - b));
}

function security(spec: EndpointSpec): ZodOpenApiOperationObject["security"] {
  if (spec.auth === "public") return [];
  const session = { sessionCookie: [] };
  if (spec.auth === "session") return [session];
  return [session, { personalApiKey: spec.scope ? [spec.scope] : [] }];
}

function authSentence(spec: EndpointSpec): string {
  if (spec.auth === "public") return "No authentication needed.";
  const modes = spec.auth === "session" ? "A browser session only (personal API keys are refused)." : "A browser session or a personal API key.";
  const twoFactor = spec.allowedDuringTwoFactorSetup
    ? " Open to a caller whose organization enforces two-factor before they have set it up."
    : "";
  return `${modes} Required API key scope: \`${spec.scope}\`.${spec.sensitive ? " Sensitive: needs a recent sign-in." : ""}${twoFactor}`;
}

function operation(spec: EndpointSpec, method: Method): ZodOpenApiOperationObject {
  const json = (schema: unknown) => ({ "application/json": { schema } }) as never;
  const responses: Record<string, ZodOpenApiResponseObject> = {
    [spec.status]: spec.response
      ? { description: spec.summary, content: json(spec.response) }
      : { description: spec.status === 302 ? "A redirect: see `Location`." : "No content." },
  };
  for (const [status, other] of Object.entries(spec.otherResponses)) {
    if (other) responses[status] = { description: other.description, content: json(other.schema) };
  }
  for (const [status, description] of errorStatuses(spec, method)) {
    responses[status] = {
      description,
      content: json(errorEnvelopeSchema),
      ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds until the budget refills.", schema: { type: "integer" } } } } : {}),
      ...(status === 503 ? { headers: { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } } } } : {}),
    };
  }
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: [spec.description, authSentence(spec)].filter(Boolean).join("\n\n"),
    tags: [tagOf(spec.operationId)],
    security: security(spec),
    requestParams: { ...(spec.params ? { path: spec.params } : {}), ...(spec.query ? { query: spec.query as never } : {}) },
    ...(spec.body && method !== "GET" ? { requestBody: { required: false, content: json(spec.body) } } : {}),
    responses: responses as ZodOpenApiOperationObject["responses"],
    "x-auth": spec.auth,
    ...(spec.scope ? { "x-required-scope": spec.scope } : {}),
    "x-sensitive": spec.sensitive,
    "x-allowed-during-two-factor-setup": spec.allowedDuringTwoFactorSetup,
    ...(spec.rateLimit ? { "x-rate-limit": spec.rateLimit } : {}),
  };
}

function tagOf(operationId: string): string {
  return operationId.split("_")[0] ?? "other";
}

/** The OpenAPI 3.1 document, built from the route declarations alone. */
export function buildOpenApiDocument(routes: readonly RouteModule[]): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const { path, handlers } of routes) {
    for (const method of METHODS) {
      const endpoint = endpointOf(handlers[method]);
      if (!endpoint) continue;
      paths[path] ??= {};
      paths[path][method.toLowerCase() as Lowercase<Method>] = operation(endpoint.spec, method);
    }
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: `${env.appName} API`,
      version: "1.0.0",
      description:
        "A compatible, hardened re-implementation of PostHog's Users API. Every error uses one envelope (`type`, `code`, `detail`, `attr`, and `issues` for validation errors). Paths are served with and without a trailing slash; `@me` names the caller.",
    },
    paths,
    components: {
      securitySchemes: {
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session set by signing in. Writes must be same-origin." },
        personalApiKey: { type: "http", scheme: "bearer", description: "`Authorization: Bearer <personal API key>`; the scopes listed are the ones the key must carry." },
      },
    },
  });
}
