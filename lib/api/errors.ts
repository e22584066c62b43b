import type { ErrorBody, ErrorType, FieldIssue } from "./envelope";

export type { ErrorBody, ErrorType, FieldIssue } from "./envelope";

/** Every expected failure is thrown as an ApiError and rendered as the one envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    readonly detail: string,
    readonly attr: string | null = null,
    readonly extra: { issues?: FieldIssue[]; headers?: Record<string, string>; sensitiveSessionExpiresAt?: string } = {},
  ) {
    super(detail);
    this.name = "ApiError";
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { type: this.type, code: this.code, detail: this.detail, attr: this.attr };
    if (this.extra.issues) body.issues = this.extra.issues;
    if (this.extra.sensitiveSessionExpiresAt) body.sensitive_session_expires_at = this.extra.sensitiveSessionExpiresAt;
    return body;
  }
}

export const errors = {
  validation(issues: FieldIssue[]): ApiError {
    const [first] = issues;
    if (!first) throw new Error("validation error without issues");
    return new ApiError(400, "validation_error", first.code, first.detail, first.attr, { issues });
  },
  invalidField(attr: string | null, code: string, detail: string): ApiError {
    return errors.validation([{ attr, code, detail }]);
  },
  parse(detail = "The request body is not valid JSON."): ApiError {
    return new ApiError(400, "invalid_request", "parse_error", detail);
  },
  notAuthenticated(detail = "Authentication credentials were not provided."): ApiError {
    return new ApiError(401, "authentication_error", "not_authenticated", detail);
  },
  authenticationFailed(detail: string): ApiError {
    return new ApiError(401, "authentication_error", "authentication_failed", detail);
  },
  permissionDenied(detail: string, code = "permission_denied"): ApiError {
    return new ApiError(403, "authentication_error", code, detail);
  },
  /** Secure mode: the session's sign-in is too old for this change; the body says when it ended. */
  reauthRequired(expiredAt: Date): ApiError {
    return new ApiError(403, "authentication_error", "reauth_required", "This change needs a recent sign-in. Confirm your password to continue.", null, {
      sensitiveSessionExpiresAt: expiredAt.toISOString(),
    });
  },
  twoFactorSetupRequired(): ApiError {
    return errors.permissionDenied(
      "Your organization requires two-factor authentication. Set it up under Settings → Security before doing anything else.",
      "two_factor_setup_required",
    );
  },
  notFound(detail = "Not found."): ApiError {
    return new ApiError(404, "invalid_request", "not_found", detail);
  },
  methodNotAllowed(method: string, allow: string[]): ApiError {
    return new ApiError(405, "invalid_request", "method_not_allowed", `Method "${method}" not allowed.`, null, {
      headers: { Allow: allow.join(", ") },
    });
  },
  conflict(detail: string, code = "conflict"): ApiError {
    return new ApiError(409, "invalid_request", code, detail);
  },
  payloadTooLarge(limitBytes: number): ApiError {
    return new ApiError(413, "invalid_request", "payload_too_large", `The request body must be at most ${limitBytes} bytes.`);
  },
  unsupportedMediaType(): ApiError {
    return new ApiError(415, "invalid_request", "unsupported_media_type", 'Request bodies must be sent as "application/json".');
  },
  throttled(retryAfterSeconds: number): ApiError {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return new ApiError(429, "throttled_error", "throttled", `Request was throttled. Expected available in ${seconds} seconds.`, null, {
      headers: { "Retry-After": String(seconds) },
    });
  },
  serviceUnavailable(retryAfterSeconds: number): ApiError {
    return new ApiError(503, "server_error", "service_unavailable", "The service is temporarily unavailable. Try again shortly.", null, {
      headers: { "Retry-After": String(retryAfterSeconds) },
    });
  },
  /** An upstream service (GitHub) answered with an error: 502, never its body or our credentials. */
  badGateway(detail: string, code = "bad_gateway"): ApiError {
    return new ApiError(502, "server_error", code, detail);
  },
  upstreamUnavailable(detail: string, code: string, retryAfterSeconds = 30): ApiError {
    return new ApiError(503, "server_error", code, detail, null, { headers: { "Retry-After": String(retryAfterSeconds) } });
  },
  server(): ApiError {
    return new ApiError(500, "server_error", "error", "A server error occurred.");
  },
};
