import { afterEach, describe, expect, it, vi } from "vitest";
import { register } from "@/instrumentation";
import { overrideEnvForTests } from "@/lib/env";

const MARKER = Symbol.for("account-settings.peer-address-header");
const restores: (() => void)[] = [];

afterEach(() => {
  for (const restore of restores.splice(0).reverse()) restore();
  delete (globalThis as Record<symbol, unknown>)[MARKER];
  vi.restoreAllMocks();
});

async function startUp(vars: Record<string, string | undefined>): Promise<{ exitCode: unknown; message: string }> {
  restores.push(overrideEnvForTests({ NEXT_RUNTIME: "nodejs", NEXTAUTH_SECRET: "start-up-secret-start-up-secret", TWO_FACTOR_ENCRYPTION_KEYS: `k1:${"A".repeat(43)}=`, TRUST_PROXY: undefined, ...vars }));
  const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  await register();
  return { exitCode: exit.mock.calls[0]?.[0], message: String(error.mock.calls[0]?.[0] ?? "") };
}

describe("start-up", () => {
  it("stops a production server that was not started by server.mjs, since it cannot tell clients apart", async () => {
    const started = await startUp({ NODE_ENV: "production" });
    expect(started.exitCode).toBe(1);
    expect(started.message).toContain("npm start");
  });

  it("starts under server.mjs, behind a trusted proxy, or outside production", async () => {
    (globalThis as Record<symbol, unknown>)[MARKER] = true;
    expect((await startUp({ NODE_ENV: "production" })).exitCode).toBeUndefined();
    delete (globalThis as Record<symbol, unknown>)[MARKER];
    expect((await startUp({ NODE_ENV: "production", TRUST_PROXY: "true" })).exitCode).toBeUndefined();
    expect((await startUp({ NODE_ENV: "development" })).exitCode).toBeUndefined();
  });
});
