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

/** PostgreSQL text and jsonb cannot hold U+0000, so it is refused here rather than failing in the database. */
function pathOfNul(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (value === null || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes("\u0000")) return path;
    const found = pathOfNul(inner, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** For bodies, query strings and path parameters alike; names the offending field. */
export function assertNoNulCharacters(input: unknown): void {
  const path = pathOfNul(input);
  if (path) throw errors.invalidField(path.length > 0 ? path.join("__") : null, "invalid_input", "Text must not contain NUL (U+0000) characters.");
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
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw errors.parse();
  }
  assertNoNulCharacters(body);
  return body;
}
