import { endpoint, reply, route } from "@/lib/api/route";
import { databaseHealth, healthSchema } from "@/lib/db/health";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "health_retrieve",
    summary: "Health check",
    description: "200 while the database answers; 503 with the same body when it does not.",
    auth: "public",
    response: healthSchema,
    otherResponses: { 503: { description: "The database is unreachable.", schema: healthSchema } },
    handler: async () => {
      const database = await databaseHealth();
      return database.ok ? { status: "ok" as const, database } : reply(503, { status: "unavailable", database });
    },
  }),
});
