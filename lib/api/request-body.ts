import { env } from "@/lib/env";
import { errors } from "./errors";

export function maxBodyBytes(): number {
  return env.maxBodyBytes;
}

function isJsonContentType(value: string): boolean {
  const mediaType = value.split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
}

async function readLimited(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw errors.payloadTooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw errors.payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/** Deep enough for any real settings document; deeper input would only exhaust the stack of the walks below. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of `[` and `{` outside strings, stopping early once past `limit`: a
 * linear pass over the raw text, so depth is bounded before anything recursive sees the value.
 */
export function exceedsJsonDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b || char === 0x7b) {
      if (++depth > limit) return true;
    } else if (char === 0x5d || char === 0x7d) {
      depth--;
    }
  }
  return false;
}

// PostgreSQL text and jsonb hold neither U+0000 nor a lone UTF-16 surrogate (`"\ud800"` is valid
// JSON but no Unicode text), so both are refused here rather than failing in the database.
const LONE_SURROGATE = /\p{Surrogate}/u;

function unstorable(text: string): string | null {
  if (text.includes("\u0000")) return "Text must not contain NUL (U+0000) characters.";
  if (LONE_SURROGATE.test(text)) return "Text must not contain unpaired UTF-16 surrogates (\\ud800-\\udfff).";
  return null;
}

function findUnstorable(value: unknown, path: string[] = []): { path: string[]; detail: string } | null {
  if (typeof value === "string") {
    const detail = unstorable(value);
    return detail ? { path, detail } : null;
  }
  if (value === null || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    const detail = unstorable(key);
    if (detail) return { path, detail };
    const found = findUnstorable(inner, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** For bodies, query strings and path parameters alike; names the offending field. */
export function assertStorableText(input: unknown): void {
  const found = findUnstorable(input);
  if (found) throw errors.invalidField(found.path.length > 0 ? found.path.join("__") : null, "invalid_input", found.detail);
}

/**
 * JSON only (a "simple" content type would let a cross-site form post through), bounded in size.
 * An empty body reads as `undefined` so action POSTs need no body at all.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const contentType = request.headers.get("content-type");
  if (contentType !== null && contentType.trim() !== "" && !isJsonContentType(contentType)) {
    throw errors.unsupportedMediaType();
  }
  const text = await readLimited(request, maxBodyBytes());
  if (text.trim() === "") return undefined;
  if (contentType === null) throw errors.unsupportedMediaType();
  if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) throw errors.parse(`JSON must not be nested more than ${MAX_JSON_DEPTH} levels deep.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw errors.parse();
  }
  assertStorableText(body);
  return body;
}
