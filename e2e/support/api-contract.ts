import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { baseURL } from "../../playwright.config";

type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };
type Document = { paths: Record<string, Record<string, Operation>> };

interface Contract {
  templates: Array<{ template: string; pattern: RegExp }>;
  doc: Document;
  validator(pointer: string): ValidateFunction;
}

let contract: Promise<Contract> | undefined;

/** The app's own OpenAPI document, fetched once per worker and compiled lazily per response schema. */
function loadContract(): Promise<Contract> {
  contract ??= (async () => {
    const api = await playwrightRequest.newContext({ baseURL });
    const doc = (await (await api.get("/api/schema")).json()) as Document;
    await api.dispose();
    // OpenAPI keywords (`openapi`, `paths`, …) are not JSON Schema: not strict; formats are
    // already spelled out as patterns by zod.
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema(doc, "openapi.json");
    const compiled = new Map<string, ValidateFunction>();
    return {
      doc,
      // Static segments win over parameters, as in Next's router (`push_tokens/unregister` is not `push_tokens/{id}`).
      templates: Object.keys(doc.paths)
        .sort((a, b) => a.split("{").length - b.split("{").length)
        .map((template) => ({ template, pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}/?$`) })),
      validator(pointer) {
        let validate = compiled.get(pointer);
        if (!validate) {
          validate = ajv.compile({ $ref: `openapi.json#${pointer}` });
          compiled.set(pointer, validate);
        }
        return validate;
      },
    };
  })();
  return contract;
}

const escape = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

/** Fails the test when an /api response is not one the document declares for that operation and status. */
export async function expectDeclaredResponse(method: string, response: APIResponse): Promise<void> {
  const url = new URL(response.url());
  if (!url.pathname.startsWith("/api/") || url.pathname.startsWith("/api/auth/") || method === "OPTIONS") return;
  const { doc, templates, validator } = await loadContract();
  const template = templates.find(({ pattern }) => pattern.test(url.pathname))?.template;
  const operation = template ? doc.paths[template]?.[method.toLowerCase()] : undefined;
  const status = String(response.status());
  const where = `${method} ${url.pathname} → ${status}`;
  let pointer: string;
  if (operation && template) {
    const declared = operation.responses?.[status];
    expect(declared, `${where} is not a status the document declares`).toBeDefined();
    if (!declared?.content) {
      expect(await response.text(), `${where} should have no body`).toBe("");
      return;
    }
    pointer = `/paths/${escape(template)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  } else {
    // Unknown paths and unsupported verbs answer in the error envelope.
    expect(response.status(), `${where}: no such operation, so it must be an error`).toBeGreaterThanOrEqual(400);
    pointer = "/components/schemas/Error";
  }
  if (!(response.headers()["content-type"] ?? "").startsWith("application/json")) return;
  const validate = validator(pointer);
  const valid = validate(await response.json());
  expect(valid ? [] : validate.errors, `${where} body against the document`).toEqual([]);
}

const VERBS = { get: "GET", post: "POST", put: "PUT", patch: "PATCH", delete: "DELETE", head: "HEAD" } as const;

/** The same request context, with every response it receives checked against the document. */
export function contractChecked(api: APIRequestContext): APIRequestContext {
  return new Proxy(api, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== "string" || typeof value !== "function") return value;
      const verb = VERBS[property as keyof typeof VERBS] as string | undefined;
      if (!verb && property !== "fetch") return value.bind(target);
      return async (url: string, options?: { method?: string }) => {
        const response: APIResponse = await value.call(target, url, options);
        await expectDeclaredResponse(verb ?? options?.method?.toUpperCase() ?? "GET", response);
        return response;
      };
    },
  });
}
