import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** What the reference's API pages say about one endpoint, merged over every version that names it. */
export interface ReferenceEndpoint {
  method: string;
  /** OpenAPI style: `/api/users/{uuid}`. */
  path: string;
  scopes: Set<string>;
  params: Map<string, { location: ParamLocation; types: Set<string> }>;
  files: Set<string>;
}

export type ParamLocation = "path" | "query" | "body";

const HEADERS: Record<string, ParamLocation> = { "Path parameters": "path", "Query parameters": "query", "Request parameters": "body" };
const TYPES = "booleannull|stringnull|integernull|numbernull|objectnull|string|boolean|integer|number|object|array";
// A parameter line is `- <name><type>` with the type glued on, e.g. `- first_namestring`; several may share a line.
const TOKEN = new RegExp(`(Path parameters|Query parameters|Request parameters)|(?:^|\\s)- ([a-z0-9_]+?)(${TYPES})?(?:Default:)?(?=\\s|$)`, "gm");
const REQUEST = /Example request\s+(GET|POST|PUT|PATCH|DELETE)\s+(\/api[^\n]*?)(?=Example response|\n|$)/g;
const SCOPE = /Required API key scopes\s*(user:(?:read|write))/;

export function referenceDocsDir(): string {
  const dir = process.env.REFERENCE_DOCS_DIR ?? path.resolve(import.meta.dirname, "../../../shared/reference/api-docs");
  if (!existsSync(dir)) throw new Error(`The reference API pages are not at ${dir} (set REFERENCE_DOCS_DIR).`);
  return dir;
}

function openApiPath(raw: string): string {
  return raw.replace(/\s+/g, "").replace(/\/$/, "").replace(/:([a-z_]+)/g, "{$1}");
}

/** Every endpoint the reference pages document, with its scopes and parameters, across all versions. */
export function readReferenceEndpoints(dir = referenceDocsDir()): Map<string, ReferenceEndpoint> {
  const endpoints = new Map<string, ReferenceEndpoint>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".txt")).sort()) {
    const text = readFileSync(path.join(dir, file), "utf8");
    let blockStart = 0;
    for (const request of text.matchAll(REQUEST)) {
      const block = text.slice(blockStart, request.index);
      blockStart = request.index + request[0].length;
      const method = request[1]!;
      const key = `${method} ${openApiPath(request[2]!)}`;
      const endpoint = endpoints.get(key) ?? { method, path: openApiPath(request[2]!), scopes: new Set(), params: new Map(), files: new Set() };
      endpoints.set(key, endpoint);
      endpoint.files.add(file);
      const scope = SCOPE.exec(block)?.[1];
      if (scope) endpoint.scopes.add(scope);
      let location: ParamLocation | null = null;
      for (const token of block.matchAll(TOKEN)) {
        if (token[1]) {
          location = HEADERS[token[1]]!;
          continue;
        }
        if (!location) continue;
        const name = token[2]!;
        const param = endpoint.params.get(name) ?? { location, types: new Set<string>() };
        param.types.add(token[3] ?? "");
        endpoint.params.set(name, param);
      }
    }
  }
  return endpoints;
}
