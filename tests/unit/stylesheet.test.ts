import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Rules opened inside a style rule: CSS nesting we never write, so a brace lost in a merge. */
function nestedRules(css: string): string[] {
  const found: string[] = [];
  const open: string[] = [];
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, "");
  for (const [index, token] of withoutComments.split(/([{}])/).entries()) {
    if (token === "{") {
      const selector = withoutComments.split(/([{}])/)[index - 1]?.trim().split(";").pop()?.trim() ?? "";
      const parent = open.at(-1);
      if (parent !== undefined && !parent.startsWith("@")) found.push(`${selector} inside ${parent}`);
      open.push(selector);
    } else if (token === "}") {
      open.pop();
    }
  }
  if (open.length > 0) found.push(`${open.length} unclosed: ${open.join(" > ")}`);
  return found;
}

describe("app/globals.css", () => {
  it("closes every rule (no style rule nested in another)", () => {
    expect(nestedRules(readFileSync("app/globals.css", "utf8"))).toEqual([]);
  });

  it("the check finds a lost brace", () => {
    expect(nestedRules(".a {\n  color: red;\n\n.b {\n  color: blue;\n}\n")).not.toEqual([]);
    expect(nestedRules("@media (max-width: 1px) {\n  .a { color: red; }\n}\n")).toEqual([]);
  });
});
