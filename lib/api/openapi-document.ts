import "server-only";
import { stringify } from "yaml";
import { buildOpenApiDocument } from "./openapi";

type Document = ReturnType<typeof buildOpenApiDocument>;

let document: Promise<Document> | undefined;
let yaml: Promise<string> | undefined;

// Imported lazily: the catalog imports every route module, this one included.
export function openApiDocument(): Promise<Document> {
  document ??= import("./route-catalog").then(({ ROUTE_CATALOG }) => buildOpenApiDocument(ROUTE_CATALOG));
  return document;
}

export function openApiYaml(): Promise<string> {
  yaml ??= openApiDocument().then((built) => stringify(built, { aliasDuplicateObjects: false }));
  return yaml;
}
