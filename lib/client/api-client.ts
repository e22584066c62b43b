import type { ErrorBody, ErrorType } from "@/lib/api/envelope";

type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiFetchOptions {
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal;
  /** Answered `reauth_required`: ask the person to confirm it's them, then send it again (once). Default true. */
  replayAfterReauth?: boolean;
}

/** Set by the re-authentication dialog: resolves true once the person confirmed, false if they cancelled. */
let confirmIdentity: (() => Promise<boolean>) | null = null;

export function setReauthHandler(handler: (() => Promise<boolean>) | null): void {
  confirmIdentity = handler;
}

/** Opens the re-authentication dialog without a refused request (the Security page's "Turn on"). */
export function askToConfirmIdentity(): Promise<boolean> {
  return confirmIdentity ? confirmIdentity() : Promise.resolve(false);
}

/** Status 0 means the request never got an answer (offline, DNS, CORS, aborted). */
export const NETWORK_ERROR_STATUS = 0;

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(body.detail);
    this.name = "ApiClientError";
  }

  get isNetworkError(): boolean {
    return this.status === NETWORK_ERROR_STATUS;
  }

  /** Failures worth a "try again": nothing the user typed is wrong. */
  get isRetryable(): boolean {
    return this.isNetworkError || this.status >= 500;
  }
}

export function isApiClientError(error: unknown): error is ApiClientError {
  return error instanceof ApiClientError;
}

/** `ERROR_TYPES` of lib/api/envelope.ts, which also loads zod (tests/unit/api-client-envelope.test.ts keeps them equal). */
export const CLIENT_ERROR_TYPES: readonly ErrorType[] = ["validation_error", "authentication_error", "invalid_request", "throttled_error", "server_error"];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isNullableString = (value: unknown): value is string | null => value === null || typeof value === "string";

function isFieldIssue(value: unknown): boolean {
  return isRecord(value) && isNullableString(value.attr) && typeof value.code === "string" && typeof value.detail === "string";
}

/**
 * `errorEnvelopeSchema`'s shape, checked by hand: zod here would put ~32 KB (gzip) on every page,
 * including those with no form (tests/unit/api-client-envelope.test.ts holds the two together).
 */
export function asErrorBody(value: unknown): ErrorBody | null {
  if (!isRecord(value)) return null;
  const { type, code, detail, attr, issues } = value;
  if (!(CLIENT_ERROR_TYPES as readonly unknown[]).includes(type) || typeof code !== "string" || typeof detail !== "string" || !isNullableString(attr)) {
    return null;
  }
  if (issues !== undefined && !(Array.isArray(issues) && issues.every(isFieldIssue))) return null;
  return value as ErrorBody;
}

/** Proxies and crashed servers answer with HTML or nothing; give callers the envelope anyway. */
function fallbackBody(status: number): ErrorBody {
  if (status === 401) {
    return { type: "authentication_error", code: "not_authenticated", detail: "You are not signed in.", attr: null };
  }
  if (status === 429) {
    return { type: "throttled_error", code: "throttled", detail: "Too many requests. Try again shortly.", attr: null };
  }
  if (status >= 500) return { type: "server_error", code: "error", detail: "A server error occurred.", attr: null };
  return { type: "invalid_request", code: "error", detail: `The request failed (HTTP ${status}).`, attr: null };
}

function retryAfter(response: Response): number | null {
  const header = response.headers.get("Retry-After");
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * The one way pages talk to the API: JSON in, JSON out, and every failure thrown as an
 * `ApiClientError` carrying the parsed envelope. A 204 resolves to `undefined`.
 */
export async function apiFetch<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const { method = "GET", body, signal } = options;
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiClientError(NETWORK_ERROR_STATUS, {
      type: "server_error",
      code: "network_error",
      detail: "Could not reach the server. Check your connection and try again.",
      attr: null,
    });
  }

  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);
  if (!response.ok) {
    const error = new ApiClientError(response.status, asErrorBody(payload) ?? fallbackBody(response.status), retryAfter(response));
    // Secure mode: the person confirms it's them in a dialog, and the very same request goes again.
    if (error.body.code === "reauth_required" && options.replayAfterReauth !== false && confirmIdentity && (await confirmIdentity())) {
      return apiFetch<T>(path, { ...options, replayAfterReauth: false });
    }
    throw error;
  }
  return payload as T;
}
