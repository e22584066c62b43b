import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errors } from "@/lib/api/errors";
import { toFieldIssues } from "@/lib/api/zod-issues";

const schema = z.object({
  name: z.string().trim().min(1).max(5),
  colour: z.enum(["red", "blue"]),
  nested: z.object({ inner: z.object({ count: z.number() }) }).optional(),
  tagged: z.string().refine((value) => value !== "taken", { params: { code: "unique" } }).optional(),
});

function issuesFor(input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  return toFieldIssues(result.error, input).map(({ attr, code }) => ({ attr, code }));
}

describe("toFieldIssues: zod issues to envelope issues", () => {
  it.each([
    ["a missing field", { colour: "red" }, { attr: "name", code: "required" }],
    ["an explicit null", { name: null, colour: "red" }, { attr: "name", code: "null" }],
    ["a wrong type", { name: 42, colour: "red" }, { attr: "name", code: "invalid_input" }],
    ["a value outside an enum", { name: "ok", colour: "green" }, { attr: "colour", code: "invalid_choice" }],
    ["a string over its max", { name: "toolong", colour: "red" }, { attr: "name", code: "max_length" }],
    ["a blank string (after trim)", { name: "   ", colour: "red" }, { attr: "name", code: "blank" }],
    ["a custom refinement code", { name: "ok", colour: "red", tagged: "taken" }, { attr: "tagged", code: "unique" }],
  ])("maps %s", (_label, input, expected) => {
    expect(issuesFor(input)).toEqual([expected]);
  });

  it("joins a nested path with __", () => {
    expect(issuesFor({ name: "ok", colour: "red", nested: { inner: { count: "x" } } })).toEqual([
      { attr: "nested__inner__count", code: "invalid_input" },
    ]);
  });

  it("gives attr null when the whole body is the problem", () => {
    expect(issuesFor([])).toEqual([{ attr: null, code: "invalid_input" }]);
  });

  it("lists every issue, and the envelope leads with the first", () => {
    const input = { name: "", colour: "green", nested: { inner: {} } };
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    const issues = toFieldIssues(result.error!, input);
    expect(issues.map((issue) => issue.attr).sort()).toEqual(["colour", "name", "nested__inner__count"]);

    const body = errors.validation(issues).toBody();
    expect(body).toMatchObject({ type: "validation_error", code: issues[0]!.code, attr: issues[0]!.attr });
    expect(body.issues).toEqual(issues);
    expect(errors.validation(issues).status).toBe(400);
  });
});
