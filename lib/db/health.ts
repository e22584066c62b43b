import "server-only";
import { db } from "./client";
import type { Health } from "./health-schema";

export { healthSchema } from "./health-schema";

export async function databaseHealth(): Promise<Health["database"]> {
  const started = performance.now();
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database health check timed out")), 3000)),
    ]);
    return { ok: true, latency_ms: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, latency_ms: Math.round(performance.now() - started) };
  }
}
