import { describe, expect, it } from "vitest";
import { toFieldIssues } from "@/lib/api/zod-issues";
import { userListQuerySchema } from "@/lib/users/schemas";

function attrsOf(query: Record<string, string>) {
  const result = userListQuerySchema.safeParse(query);
  if (result.success) throw new Error(`expected ${JSON.stringify(query)} to be refused`);
  return toFieldIssues(result.error, query).map((issue) => issue.attr);
}

describe("userListQuerySchema", () => {
  it("defaults to limit 100, offset 0", () => {
    expect(userListQuerySchema.parse({})).toEqual({ limit: 100, offset: 0 });
  });

  it.each(["1", "500"])("accepts limit=%s", (limit) => {
    expect(userListQuerySchema.parse({ limit }).limit).toBe(Number(limit));
  });

  it.each(["0", "501", "-1", "abc", "1.5", "", "0x10", "1e2", " 5", "5 "])("refuses limit=%j naming limit", (limit) => {
    expect(attrsOf({ limit })).toEqual(["limit"]);
  });

  it.each(["-1", "x"])("refuses offset=%j naming offset", (offset) => {
    expect(attrsOf({ offset })).toEqual(["offset"]);
  });

  it.each([["true", true], ["True", true], ["1", true], ["false", false], ["False", false], ["0", false]] as const)(
    "reads is_staff=%s as %s",
    (raw, expected) => {
      expect(userListQuerySchema.parse({ is_staff: raw }).is_staff).toBe(expected);
    },
  );

  it.each(["yes", "TRUE", "2", ""])("refuses is_staff=%j naming is_staff", (raw) => {
    expect(attrsOf({ is_staff: raw })).toEqual(["is_staff"]);
  });

  it("trims and lower-cases email", () => {
    expect(userListQuerySchema.parse({ email: "  Alice@Example.COM " }).email).toBe("alice@example.com");
  });
});
