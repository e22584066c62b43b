import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS } from "../../server-flags.mjs";

const root = new URL("../../", import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), "utf8");
const command = `node ${SERVER_NODE_FLAGS.join(" ")} server.mjs`;

describe("the server's Node flags", () => {
  it("are what `npm start` runs the server with", () => {
    const scripts = JSON.parse(read("package.json")).scripts as Record<string, string>;
    expect(scripts.start).toBe(command);
  });

  it("are what the quick start runs the server with", () => {
    const starts = read("scripts/quickstart.sh").split("\n").filter((line) => /[ /]server\.mjs\b/.test(line) && !line.includes("local-github"));
    expect(starts).toEqual([`${command} -p "$PORT"`]);
  });

  it("are what the e2e servers and the benches start server.mjs with", () => {
    for (const file of ["scripts/e2e-server.mjs", "e2e/support/own-server.ts", "bench/lib/servers.mjs"]) {
      const spawns = read(file).match(/process\.execPath, \[[^\]]*"server\.mjs"/g) ?? [];
      expect(spawns.length, file).toBeGreaterThan(0);
      for (const spawn of spawns) expect(spawn, file).toContain("[...SERVER_NODE_FLAGS, \"server.mjs\"");
    }
  });
});
