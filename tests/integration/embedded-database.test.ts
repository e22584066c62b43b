import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { overrideEnvForTests } from "@/lib/env";
import { spend } from "@/lib/rate-limit";
import { installAppDb } from "../support/app-db";

const dir = mkdtempSync(path.join(tmpdir(), "pglite-test-"));

function cli(script: string, args: string[] = []) {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dir };
  delete env.DATABASE_URL;
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", script, ...args], { env, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the embedded database (quick start path)", () => {
  it("migrates, seeds and creates users through the operator commands", { timeout: 120_000 }, async () => {
    expect(cli("scripts/migrate.ts").output).toMatch(/applied \d+ \(.*rate_limiter_flexible/);
    const seeded = cli("scripts/seed.ts");
    expect(seeded.status).toBe(0);
    expect(seeded.output).toContain("admin@example.com / hedgehog-admin-demo");
    expect(cli("scripts/seed.ts").status).toBe(0);

    const created = cli("scripts/create-user.ts", ["--email", "Ops@Example.org", "--password", "a long operator passphrase", "--staff", "--first-name", "Op"]);
    expect(created.status).toBe(0);
    const refused = cli("scripts/create-user.ts", ["--email", "weak@example.org", "--password", "password123", "--first-name", "Weak"]);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain("password:");
    const nameless = cli("scripts/create-user.ts", ["--email", "nameless@example.org", "--password", "a long operator passphrase", "--first-name", " "]);
    expect(nameless.status).toBe(1);
    expect(nameless.output).toContain("first_name: Enter your first name.");
    expect(cli("scripts/create-user.ts", ["--email", "x@example.org"]).status).toBe(2);

    const { client, close } = createPrismaClient({ kind: "pglite", dir });
    try {
      const users = await client.user.findMany({ orderBy: { id: "asc" }, select: { email: true, isStaff: true } });
      expect(users).toEqual([
        { email: "admin@example.com", isStaff: true },
        { email: "user@example.com", isStaff: false },
        { email: "ops@example.org", isStaff: true },
      ]);
      const demo = await client.organization.findUniqueOrThrow({
        where: { slug: "hedgehog-inc" },
        include: { teams: { include: { _count: { select: { dashboards: true } } } }, _count: { select: { memberships: true } } },
      });
      expect(demo.teams).toHaveLength(2);
      expect(demo.teams.every((team) => team._count.dashboards >= 2)).toBe(true);
      expect(demo._count.memberships).toBe(2);

      // Rate limits run on rate-limiter-flexible's Prisma store, embedded database included.
      const restore = [overrideEnvForTests({ RATE_LIMIT_SIGNUP_LIMIT: "2" }), installAppDb(client)];
      try {
        await spend("signup", "pglite-client");
        await spend("signup", "pglite-client");
        await expect(spend("signup", "pglite-client")).rejects.toBeInstanceOf(ApiError);
      } finally {
        for (const undo of restore.reverse()) undo();
      }
    } finally {
      await close();
    }
  });
});
