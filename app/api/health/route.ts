import { json } from "@/lib/api/response";
import { publicEndpoint, route } from "@/lib/api/route";
import { databaseHealth } from "@/lib/db/health";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: publicEndpoint({
    handler: async () => {
      const database = await databaseHealth();
      return json({ status: database.ok ? "ok" : "unavailable", database }, { status: database.ok ? 200 : 503 });
    },
  }),
});
