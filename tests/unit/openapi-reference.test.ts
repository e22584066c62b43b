import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi-document";
import { readReferenceEndpoints, type ParamLocation } from "../support/reference-pages";
import { REFERENCE_ALLOW_LIST } from "./reference-allow-list";

type JsonSchema = Record<string, unknown>;
type Doc = Awaited<ReturnType<typeof openApiDocument>> & { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JsonSchema> } };
interface Operation {
  parameters?: Array<{ in: string; name: string; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  "x-required-scope"?: string;
}

function deref(doc: Doc, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  return typeof ref === "string" ? deref(doc, doc.components.schemas[ref.replace("#/components/schemas/", "")] ?? {}) : schema;
}

/** The JSON types a schema admits; `null` in the set means "anything". */
function admittedTypes(doc: Doc, raw: JsonSchema): Set<string> | null {
  const schema = deref(doc, raw);
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) {
    const union = new Set<string>();
    for (const variant of variants) {
      const types = admittedTypes(doc, variant);
      if (types === null) return null;
      for (const type of types) union.add(type);
    }
    return union;
  }
  if (Array.isArray(schema.enum)) return new Set(schema.enum.map((value) => (value === null ? "null" : typeof value)));
  if (schema.type === undefined) return null;
  const types = new Set(([] as string[]).concat(schema.type as string | string[]));
  if (types.has("integer")) types.add("number");
  return types;
}

/** A reference type (`string`, `booleannull`, `integer`, …, or "" when it names none) against ours. */
function compatible(doc: Doc, referenceType: string, ours: JsonSchema, location: ParamLocation): boolean {
  if (referenceType === "") return true;
  const admitted = admittedTypes(doc, ours);
  if (admitted === null) return true;
  const wanted = referenceType.endsWith("null") ? [referenceType.slice(0, -4), "null"] : [referenceType];
  return wanted.every((type) => {
    if (type === "integer") return admitted.has("integer") || admitted.has("number");
    // Query strings carry booleans as text: an enum of true/false spellings is a boolean.
    if (type === "boolean" && location === "query") return admitted.has("boolean") || admitted.has("string");
    return admitted.has(type);
  });
}

function ourBodySchema(operation: Operation): JsonSchema | undefined {
  return operation.requestBody?.content["application/json"]?.schema;
}

function ourParameter(doc: Doc, operation: Operation, location: ParamLocation, name: string): JsonSchema | undefined {
  if (location === "body") {
    const schema = ourBodySchema(operation);
    return schema ? (deref(doc, schema).properties as Record<string, JsonSchema> | undefined)?.[name] : undefined;
  }
  return operation.parameters?.find((parameter) => parameter.in === location && parameter.name === name)?.schema;
}

/** Every difference between the reference pages and our document, as allow-list keys with what differs. */
async function differences(): Promise<Map<string, string>> {
  const doc = (await openApiDocument()) as Doc;
  const patchOperation = doc.paths["/api/users/{uuid}"]?.patch as Operation | undefined;
  const patchBody = patchOperation ? ourBodySchema(patchOperation) : undefined;
  const userFields = new Set(Object.keys((patchBody ? deref(doc, patchBody).properties : undefined) ?? {}));
  const found = new Map<string, string>();
  for (const [key, reference] of readReferenceEndpoints()) {
    const operation = doc.paths[reference.path]?.[reference.method.toLowerCase()];
    if (!operation) {
      found.set(key, "missing from the document");
      continue;
    }
    const [scope] = reference.scopes;
    if (scope && operation["x-required-scope"] !== scope) found.set(`${key} scope`, `reference ${scope}, ours ${operation["x-required-scope"]}`);
    if (!scope && reference.method === "DELETE" && operation["x-required-scope"]) found.set(`${key} scope`, `reference none, ours ${operation["x-required-scope"]}`);
    const missingUserFields: string[] = [];
    for (const [name, param] of reference.params) {
      const ours = ourParameter(doc, operation, param.location, name);
      const paramKey = `${key} ${param.location}:${name}`;
      if (!ours && param.location === "body" && userFields.has(name) && key !== "PATCH /api/users/{uuid}") missingUserFields.push(name);
      else if (!ours) found.set(paramKey, "missing");
      else {
        const bad = [...param.types].filter((type) => !compatible(doc, type, ours, param.location));
        if (bad.length > 0) found.set(paramKey, `reference type ${bad.join("/")} vs ours ${JSON.stringify(ours)}`);
      }
    }
    // The reference's generator gives some actions the user serializer's whole field set as a body.
    if (missingUserFields.length > 0) found.set(`${key} body:user-fields`, `missing ${missingUserFields.join(", ")}`);
  }
  return found;
}

describe("the OpenAPI document against the reference's API pages", () => {
  it("reads all 28 endpoints of the five versions", () => {
    expect(readReferenceEndpoints().size).toBe(28);
  });

  it("covers every endpoint, scope, query parameter and body field, or lists the difference with its reason", async () => {
    const found = await differences();
    const unexplained = [...found].filter(([key]) => !(key in REFERENCE_ALLOW_LIST)).map(([key, what]) => `${key}: ${what}`);
    expect(unexplained).toEqual([]);
  });

  it("has no allow-list entry left that no longer matches a difference", async () => {
    const found = await differences();
    expect(Object.keys(REFERENCE_ALLOW_LIST).filter((key) => !found.has(key))).toEqual([]);
  });

  it("gives every allow-list entry a reason", () => {
    for (const [key, reason] of Object.entries(REFERENCE_ALLOW_LIST)) expect(reason.length, key).toBeGreaterThan(20);
  });
});
