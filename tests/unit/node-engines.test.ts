import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

interface Manifest {
  engines?: { node?: string };
}

const manifest = JSON.parse(readFileSync("package.json", "utf8")) as Manifest;
const lockfile = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, Manifest> };

/** Installed packages whose declared Node range excludes ours, each with why that is harmless. */
const TOLERATED: Record<string, string> = {
  "node_modules/@prisma/streams-local": "loaded only by `prisma dev` (a local Prisma Postgres server), which this project never runs",
};

const declared = manifest.engines?.node ?? "";
const oldestSupported = semver.minVersion(declared)?.version ?? "";

describe("the Node requirement in package.json", () => {
  it("is a range that admits the Node running the suite", () => {
    expect(oldestSupported).not.toBe("");
    expect(semver.satisfies(process.version, declared)).toBe(true);
  });

  it("is met by every locked dependency, so npm install has no engine warnings to make", () => {
    const refusing = Object.entries(lockfile.packages)
      .filter(([path, entry]) => path !== "" && entry.engines?.node && !(path in TOLERATED))
      .filter(([, entry]) => !semver.satisfies(oldestSupported, entry.engines!.node!))
      .map(([path, entry]) => `${path} wants node ${entry.engines!.node}`);
    expect(refusing).toEqual([]);
  });

  it("tolerates only packages that are still locked and still refuse it", () => {
    for (const path of Object.keys(TOLERATED)) {
      const range = lockfile.packages[path]?.engines?.node;
      expect(range, `${path} is no longer locked with a Node range`).toBeDefined();
      expect(semver.satisfies(oldestSupported, range!), `${path} now accepts ${oldestSupported}: drop it from TOLERATED`).toBe(false);
    }
  });
});
