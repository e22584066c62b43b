import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffSchemaFromMigrations, readMigrationsList } from "@/lib/db/schema-engine";

describe("prisma/migrations", () => {
  it("has a migration.sql in every migration directory", () => {
    const list = readMigrationsList();
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const dir of list.migrationDirectories) {
      expect(existsSync(path.join(list.baseDir, dir.path, "migration.sql")), dir.path).toBe(true);
      expect(dir.migrationFile.content.tag, dir.path).toBe("ok");
    }
    expect(list.lockfile.content).toContain('provider = "postgresql"');
  });

  it("matches prisma/schema.prisma (run `npm run db:migration:create -- <name>` if not)", async () => {
    const { sql, hasChanges } = await diffSchemaFromMigrations();
    expect(hasChanges, `schema.prisma has changes no migration covers:\n${sql}`).toBe(false);
  });
});
