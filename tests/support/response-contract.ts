import { expect } from "vitest";
import type { z } from "zod";
import { errorEnvelopeSchema } from "@/lib/api/envelope";
import { endpointOf } from "@/lib/api/route";

function schemaFor(handler: unknown, status: number): z.ZodType | null | undefined {
  const spec = endpointOf(handler)?.spec;
  if (spec && status === spec.status) return spec.response ?? null;
  const other = spec?.otherResponses[status]?.schema;
  if (other) return other;
  return status >= 400 ? errorEnvelopeSchema : undefined;
}

/**
 * Every response an integration test receives must be one its route declares: the declared
 * success status with its schema, a listed other response, or the error envelope.
 */
export function assertMatchesDeclaration(handler: unknown, method: string, response: { status: number; headers: Headers; body: unknown }): void {
  if (method === "OPTIONS" || response.status === 405) return;
  const schema = schemaFor(handler, response.status);
  if (schema === undefined) {
    expect.fail(`${method} answered ${response.status}, which its declaration does not list`);
  }
  if (schema === null) {
    expect(response.body, `${method} ${response.status} should have no body`).toBeNull();
    return;
  }
  if (!(response.headers.get("content-type") ?? "").startsWith("application/json")) return;
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) {
    expect.fail(`${method} ${response.status} body does not match its declared schema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  }
}
