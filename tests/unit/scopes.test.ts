import { describe, expect, it } from "vitest";
import { scopeSatisfied, type Scope } from "@/lib/auth/scopes";

describe("scopeSatisfied", () => {
  it.each<[readonly Scope[] | "*", Scope, boolean]>([
    ["*", "user:read", true],
    ["*", "user:write", true],
    [["user:read"], "user:read", true],
    [["user:read"], "user:write", false],
    [["user:write"], "user:write", true],
    [["user:write"], "user:read", true],
    [[], "user:read", false],
    [[], "user:write", false],
  ])("granted %j, required %s → %s", (granted, required, expected) => {
    expect(scopeSatisfied(granted, required)).toBe(expected);
  });
});
