/**
 * A response body of JSON text, byte for byte what `JSON.stringify` gives.
 *
 * A list page (100 users is ~140 KB) is built and sent in pieces of about 16 KB. Handed to
 * `Response` as one string, undici measures and encodes it whole, which a profile of
 * `bench/admin-list.mjs` put at ~0.6 ms of the page's ~5 ms: strings and buffers that large are
 * allocated outside V8's and Node's pools. In pieces, encoding costs ~0.1 ms. Every other answer
 * is small and stays one string.
 */
const PIECE_CHARS = 16 * 1024;
/** An array this long at the top of a body is what makes it large (a page's `results`). */
const LONG_ARRAY = 32;

/** Next sends a body in pieces chunked, without `Content-Length`, as it does any stream. */
export function jsonBody(data: unknown): string | ReadableStream<Uint8Array> {
  if (!hasLongArray(data)) return JSON.stringify(data);
  const pieces = encodePieces(data);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== "function";
}

function hasLongArray(data: unknown): data is Record<string, unknown> {
  return isPlainObject(data) && Object.values(data).some((value) => Array.isArray(value) && value.length >= LONG_ARRAY);
}

/** The text of `data`'s top level written out by hand, each value (each array element) stringified alone. */
function* textOf(data: Record<string, unknown>): Generator<string> {
  let separator = "{";
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value)) {
      yield `${separator}${JSON.stringify(key)}:[`;
      // As JSON.stringify does: an element with no JSON form is written as null...
      for (let index = 0; index < value.length; index++) yield `${index > 0 ? "," : ""}${JSON.stringify(value[index]) ?? "null"}`;
      yield "]";
    } else {
      const text = JSON.stringify(value);
      // ...and a member with none is left out.
      if (text === undefined) continue;
      yield `${separator}${JSON.stringify(key)}:${text}`;
    }
    separator = ",";
  }
  yield separator === "{" ? "{}" : "}";
}

function encodePieces(data: Record<string, unknown>): Uint8Array[] {
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  let text = "";
  for (const part of textOf(data)) {
    text += part;
    if (text.length >= PIECE_CHARS) {
      pieces.push(encoder.encode(text));
      text = "";
    }
  }
  if (text) pieces.push(encoder.encode(text));
  return pieces;
}
