import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createAdapterFactory } from "@/lib/db/connection";
import { testDatabaseUrl } from "../support/test-database";

// One connection, so the second query meets the statement the first one prepared.
const handle = createAdapterFactory({ kind: "postgres", url: testDatabaseUrl() }, { ...process.env, DATABASE_POOL_MAX: "1" });
const table = `prepared_${randomBytes(6).toString("hex")}`;
afterAll(async () => {
  await handle.runScript(`DROP TABLE IF EXISTS ${table}`);
  await handle.close();
});

describe("raw statements on PostgreSQL", () => {
  it("are prepared once per connection and keep answering when a migration changes a table under them", async () => {
    await handle.runScript(`CREATE TABLE ${table} (id int PRIMARY KEY); INSERT INTO ${table} VALUES (1)`);
    const statement = { text: `SELECT * FROM ${table} WHERE id = $1`, values: [1] };
    expect(await handle.raw(statement)).toEqual([{ id: 1 }]);
    const [prepared] = await handle.raw<{ statement: string }>({ text: "SELECT statement FROM pg_prepared_statements WHERE statement LIKE $1", values: [`%FROM ${table}%`] });
    expect(prepared?.statement).toBe(statement.text);

    await handle.runScript(`ALTER TABLE ${table} ADD COLUMN label text NOT NULL DEFAULT 'added'`);
    expect(await handle.raw(statement)).toEqual([{ id: 1, label: "added" }]);
    expect(await handle.raw(statement)).toEqual([{ id: 1, label: "added" }]);
  });
});
