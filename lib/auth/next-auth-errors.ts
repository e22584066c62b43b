import { ApiError, errors } from "@/lib/api/errors";

/** The verbs next-auth 4 serves for each action (`core/index.js`); anything else it answers as plain text. */
const ACTION_METHODS: Record<string, readonly string[]> = {
  providers: ["GET"],
  csrf: ["GET"],
  session: ["GET", "POST"],
  signin: ["GET", "POST"],
  signout: ["GET", "POST"],
  callback: ["GET", "POST"],
  "verify-request": ["GET"],
  error: ["GET"],
  _log: ["POST"],
};

function methodsOf(action: string | undefined): string[] | null {
  return action !== undefined && Object.hasOwn(ACTION_METHODS, action) ? [...ACTION_METHODS[action]!] : null;
}

/** Checked before next-auth runs: an unknown action is a 404, another verb on a known one a 405 with `Allow`. */
export function assertNextAuthRoute(method: string, action: string | undefined): void {
  const allowed = methodsOf(action);
  if (!allowed) throw errors.notFound();
  if (!allowed.includes(method)) throw errors.methodNotAllowed(method, allowed);
}

/** OPTIONS lists an action's verbs; a method the HTTP gate refused (TRACE) is a 405 with that list. */
export function nextAuthOptions(action: string | undefined, refusedMethod: string | null): Response {
  const allowed = methodsOf(action);
  if (refusedMethod) throw errors.methodNotAllowed(refusedMethod, allowed ?? []);
  if (!allowed) throw errors.notFound();
  return new Response(null, { status: 204, headers: { Allow: allowed.join(", ") } });
}

function csrfRequired(): ApiError {
  return new ApiError(400, "invalid_request", "csrf_failed", "A valid csrfToken from /api/auth/csrf is required.");
}

/**
 * next-auth's own error answers in the one envelope. Its sign-in flow passes through untouched
 * (redirects, and the `{ url }` JSON a rejected `json=true` sign-in answers with a 401); its bare
 * text, `[object Object]` and `{ message }` error bodies do not.
 */
export async function inEnvelope(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const contentType = response.headers.get("content-type") ?? "";
  if (response.status < 500 && contentType.startsWith("application/json")) return response;
  const text = await response.text();
  if (response.status === 400 && text === "[object Object]") throw csrfRequired();
  if (response.status === 400 && text.includes("is not supported by NextAuth.js")) throw errors.notFound();
  if (response.status >= 500) throw errors.server();
  throw new ApiError(response.status, "invalid_request", "error", "The request could not be processed.");
}
