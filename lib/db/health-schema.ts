import { z } from "zod";

export const healthSchema = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    database: z.object({ ok: z.boolean(), latency_ms: z.number().int().min(0) }),
  })
  .meta({ id: "Health" });

export type Health = z.infer<typeof healthSchema>;
