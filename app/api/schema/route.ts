import { z } from "zod";
import { endpoint, route } from "@/lib/api/route";
import { openApiDocument, openApiYaml } from "@/lib/api/openapi-document";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "schema_retrieve",
    summary: "This API's OpenAPI 3.1 document",
    description: "Generated from the route declarations. `?format=yaml` serves YAML.",
    auth: "public",
    query: z.object({ format: z.enum(["json", "yaml"]).default("json") }),
    response: z.record(z.string(), z.unknown()).meta({ id: "OpenApiDocument" }),
    handler: async ({ query }) => {
      if (query.format === "yaml") {
        return new Response(await openApiYaml(), { headers: { "Content-Type": "application/yaml; charset=utf-8" } });
      }
      return (await openApiDocument()) as unknown as Record<string, unknown>;
    },
  }),
});
