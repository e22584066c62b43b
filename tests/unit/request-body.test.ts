import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { exceedsJsonDepth, MAX_JSON_DEPTH, maxBodyBytes, readJsonBody } from "@/lib/api/request-body";
import { overrideEnvForTests } from "@/lib/env";

const URL_ = "http://localhost:3000/api/users/@me";

function post(body: BodyInit | undefined, headers: Record<string, string> = {}): Request {
  return new Request(URL_, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function failure(request: Request): Promise<{ status: number; code: string }> {
  try {
    await readJsonBody(request);
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error("expected readJsonBody to refuse the request");
}

function streamOf(chunks: number, chunkBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ >= chunks) controller.close();
      else controller.enqueue(new TextEncoder().encode("x".repeat(chunkBytes)));
    },
  });
}

let restoreEnv = () => {};

afterEach(() => restoreEnv());

describe("readJsonBody", () => {
  it("parses a JSON body (application/json and +json types)", async () => {
    expect(await readJsonBody(post('{"a":1}', { "content-type": "application/json; charset=utf-8" }))).toEqual({ a: 1 });
    expect(await readJsonBody(post("[1]", { "content-type": "application/merge-patch+json" }))).toEqual([1]);
  });

  it.each([
    ["text/plain", '{"a":1}'],
    ["application/x-www-form-urlencoded", "a=1"],
    ["multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--'],
  ])("refuses %s with 415", async (contentType, body) => {
    expect(await failure(post(body, { "content-type": contentType }))).toEqual({ status: 415, code: "unsupported_media_type" });
  });

  it("refuses a body without any Content-Type with 415", async () => {
    const request = post(new Blob(['{"a":1}']));
    expect(request.headers.get("content-type")).toBeNull();
    expect(await failure(request)).toEqual({ status: 415, code: "unsupported_media_type" });
  });

  it("refuses a declared Content-Length over the cap with 413 before reading", async () => {
    const request = post('{"a":1}', { "content-type": "application/json", "content-length": String(maxBodyBytes() + 1) });
    expect(await failure(request)).toEqual({ status: 413, code: "payload_too_large" });
  });

  it("refuses a streamed body over the cap (no Content-Length) with 413", async () => {
    const request = post(streamOf(80, 1024), { "content-type": "application/json" });
    expect(request.headers.get("content-length")).toBeNull();
    expect(await failure(request)).toEqual({ status: 413, code: "payload_too_large" });
  });

  it("honours API_MAX_BODY_BYTES", async () => {
    restoreEnv = overrideEnvForTests({ API_MAX_BODY_BYTES: "16" });
    expect(maxBodyBytes()).toBe(16);
    expect(await failure(post(JSON.stringify({ first_name: "seventeen bytes!" }), { "content-type": "application/json" }))).toEqual({
      status: 413,
      code: "payload_too_large",
    });
    expect(await readJsonBody(post('{"a":1}', { "content-type": "application/json" }))).toEqual({ a: 1 });
  });

  it("answers malformed JSON with 400 parse_error", async () => {
    expect(await failure(post('{"a":', { "content-type": "application/json" }))).toEqual({ status: 400, code: "parse_error" });
  });

  it.each([
    ["with Content-Type: application/json", { "content-type": "application/json" }],
    ["without a Content-Type", {}],
  ])("reads an empty body as undefined %s", async (_label, headers) => {
    expect(await readJsonBody(post(undefined, headers))).toBeUndefined();
    // Bytes, not a string: a string body would make fetch add `text/plain` itself.
    expect(await readJsonBody(post(new Uint8Array(0), headers))).toBeUndefined();
  });
});

const jsonPost = (text: string) => post(text, { "content-type": "application/json" });
const nested = (depth: number, open: string, close: string, inner = "1") => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

async function refusal(request: Request): Promise<{ status: number; code: string; attr: string | null }> {
  try {
    await readJsonBody(request);
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, code: error.code, attr: error.attr };
    throw error;
  }
  throw new Error("expected readJsonBody to refuse the request");
}

describe("JSON nesting depth", () => {
  it.each([
    ["8,000 nested arrays", nested(8000, "[", "]", "")],
    ["5,000 nested arrays in a field", `{"events_column_config":${nested(5000, "[", "]", "")}}`],
    ["3,000 nested objects in a field", `{"events_column_config":${nested(3000, '{"a":', "}")}}`],
    ["one level too deep", nested(MAX_JSON_DEPTH + 1, "[", "]")],
  ])("refuses %s with 400 parse_error", async (_label, text) => {
    expect(await refusal(jsonPost(text))).toEqual({ status: 400, code: "parse_error", attr: null });
  });

  it(`accepts ${MAX_JSON_DEPTH} levels`, async () => {
    expect(await readJsonBody(jsonPost(nested(MAX_JSON_DEPTH, "[", "]")))).toBeInstanceOf(Array);
  });

  it("counts brackets only outside strings, escaped quotes included", () => {
    expect(exceedsJsonDepth(JSON.stringify({ a: "[".repeat(500), b: '\\"{{{{{{' }), 2)).toBe(false);
    expect(exceedsJsonDepth('{"a":"\\\\"}', 1)).toBe(false);
    expect(exceedsJsonDepth('{"a":"\\\\","b":[[1]]}', 2)).toBe(true);
  });
});

describe("text PostgreSQL cannot store", () => {
  it.each([
    ["a lone low surrogate in a nested value", '{"events_column_config":{"a":"\\udfff"}}', "events_column_config__a"],
    ["a lone high surrogate as a key", '{"has_seen_product_intro_for":{"\\ud800":true}}', "has_seen_product_intro_for"],
    ["a lone surrogate deep in an object", '{"hedgehog_config":{"version":2,"actor_options":{"id":"\\ud800"}}}', "hedgehog_config__actor_options__id"],
    ["reversed surrogate halves", '{"first_name":"\\ude00\\ud83d"}', "first_name"],
    ["NUL in a value", '{"first_name":"a\\u0000b"}', "first_name"],
  ])("refuses %s with 400 naming the field", async (_label, text, attr) => {
    expect(await refusal(jsonPost(text))).toEqual({ status: 400, code: "invalid_input", attr });
  });

  it("accepts paired surrogates (any emoji)", async () => {
    expect(await readJsonBody(jsonPost('{"first_name":"\\ud83e\\udd94 hog"}'))).toEqual({ first_name: "🦔 hog" });
  });
});
