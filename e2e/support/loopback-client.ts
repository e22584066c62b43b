import { request as httpRequest } from "node:http";
import { baseURL } from "../../playwright.config";

export interface LoopbackResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * An HTTP client connecting from its own loopback address (127.0.0.2, 127.0.0.3, …), so the
 * server sees a different client; Playwright's request context cannot pick its source address.
 * Keeps its own cookies.
 */
export class LoopbackClient {
  private readonly cookies = new Map<string, string>();
  /** The credentials callback's response to the last `signIn`. */
  lastSignIn: LoopbackResponse | undefined;

  constructor(readonly address: string) {}

  async request(method: string, path: string, options: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {}): Promise<LoopbackResponse> {
    const url = new URL(path, baseURL);
    const body = options.form ? new URLSearchParams(options.form).toString() : options.json === undefined ? undefined : JSON.stringify(options.json);
    const headers: Record<string, string> = {
      ...(options.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      ...(options.json === undefined ? {} : { "content-type": "application/json" }),
      ...(this.cookies.size ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") } : {}),
      ...options.headers,
    };
    const response = await new Promise<LoopbackResponse>((resolve, reject) => {
      const outgoing = httpRequest(url, { method, headers, localAddress: this.address }, (incoming) => {
        let text = "";
        incoming.setEncoding("utf8");
        incoming.on("data", (chunk: string) => (text += chunk));
        incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text }));
        incoming.on("error", reject);
      });
      outgoing.on("error", reject);
      outgoing.end(body);
    });
    for (const cookie of response.headers["set-cookie"] ?? []) {
      const [pair = ""] = cookie.split(";");
      const separator = pair.indexOf("=");
      this.cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    return response;
  }

  /**
   * One attempt through next-auth's credentials callback: "signed-in" once a session works,
   * otherwise the `error` code next-auth redirected to (`throttled`, `CredentialsSignin`).
   */
  async signIn(email: string, password: string, headers: Record<string, string> = {}, { json = true } = {}): Promise<string> {
    this.cookies.delete("next-auth.session-token");
    const csrf = await this.request("GET", "/api/auth/csrf");
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const form = { csrfToken, email, password, ...(json ? { json: "true" } : {}) };
    const response = await this.request("POST", "/api/auth/callback/credentials", { form, headers });
    this.lastSignIn = response;
    // With `json=true` next-auth answers its redirect as `{ url }` (401 for a refused sign-in).
    const redirect = String(response.headers["content-type"]).startsWith("application/json") ? (JSON.parse(response.body) as { url: string }).url : String(response.headers.location ?? "");
    const error = new URL(redirect, baseURL).searchParams.get("error");
    if (error) return error;
    const me = await this.request("GET", "/api/users/@me");
    return me.status === 200 ? "signed-in" : `no session (${me.status})`;
  }
}
