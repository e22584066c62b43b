import { describe, expect, it } from "vitest";
import { jsonBody } from "@/lib/api/json-body";

async function textOf(body: string | ReadableStream<Uint8Array>): Promise<{ text: string; pieces: number[] }> {
  if (typeof body === "string") return { text: body, pieces: [] };
  const pieces: number[] = [];
  const chunks: Uint8Array[] = [];
  const reader = body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    pieces.push(read.value.byteLength);
    chunks.push(read.value);
  }
  return { text: new TextDecoder().decode(Buffer.concat(chunks)), pieces };
}

function user(index: number) {
  return {
    id: index,
    // Multi-byte characters, encoded piece by piece.
    first_name: index % 3 === 0 ? "Zoë 🦔" : "Max",
    date_joined: new Date(Date.UTC(2026, 0, 1, 0, index)),
    pending_email: null,
    skipped: undefined,
    notification_settings: { plugin_disabled: index % 2 === 0, nested: [1, "two", { three: 3 }] },
    hedgehog_config: { accessories: Array.from({ length: 40 }, (_, n) => `accessory-${n}`) },
  };
}

describe("jsonBody", () => {
  it("answers a small body as the one string JSON.stringify gives", async () => {
    const data = { id: 1, name: "Ada", organizations: [{ id: 2 }], at: new Date(0), gone: undefined };
    expect(jsonBody(data)).toBe(JSON.stringify(data));
  });

  it("sends a page in pieces whose text is exactly JSON.stringify's", async () => {
    const page = { count: 500, next: "http://x/api/users?offset=100", previous: null, hidden: undefined, fn: () => 1, results: Array.from({ length: 100 }, (_, n) => user(n)) };
    const body = jsonBody(page);
    expect(typeof body).not.toBe("string");
    const { text, pieces } = await textOf(body);
    expect(text).toBe(JSON.stringify(page));
    expect(pieces.length).toBeGreaterThan(1);
    // No piece grows much past the ~16 KB it is cut at (one element more, at most).
    for (const piece of pieces) expect(piece).toBeLessThan(40 * 1024);
  });

  it("writes what JSON.stringify writes for elements and members without a JSON form", async () => {
    const page = { results: [...Array.from({ length: 40 }, (_, n) => n), undefined, () => 1, Symbol("s"), new Date(0), { toJSON: () => "custom" }], empty: [] };
    expect((await textOf(jsonBody(page))).text).toBe(JSON.stringify(page));
  });

  it("leaves an object with its own toJSON to JSON.stringify", () => {
    const data = { results: Array.from({ length: 50 }, (_, n) => n), toJSON: () => ({ replaced: true }) };
    expect(jsonBody(data)).toBe('{"replaced":true}');
  });
});
