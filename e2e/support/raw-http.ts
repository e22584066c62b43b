import http from "node:http";
import { baseURL } from "../../playwright.config";
import type { ParsedJson } from "../../tests/support/requests";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): ParsedJson;
}

/**
 * One HTTP request with exactly the method, path bytes and headers given (no URL normalising, any
 * `Host`), for what a browser or Playwright's client would not send as is.
 */
export function rawRequest(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; base?: string } = {}): Promise<RawResponse> {
  const base = new URL(options.base ?? baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: base.hostname, port: base.port, method: options.method ?? "GET", path, headers: options.headers, setHost: !options.headers?.host },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** The `Cookie` header a signed-in Playwright client sends. */
export async function cookieHeaderOf(api: { storageState(): Promise<{ cookies: Array<{ name: string; value: string }> }> }): Promise<string> {
  const { cookies } = await api.storageState();
  return cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
}
