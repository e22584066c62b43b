import { describe, expect, it } from "vitest";
import { toFieldIssues } from "@/lib/api/zod-issues";
import { HEDGEHOG_ACCESSORIES, HEDGEHOG_CONFIG_MAX_BYTES, hedgehogConfigSchema } from "@/lib/users/hedgehog-schema";

function issues(input: unknown) {
  const result = hedgehogConfigSchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return toFieldIssues(result.error, input).map(({ attr, code }) => ({ attr, code }));
}

describe("hedgehogConfigSchema", () => {
  it("accepts the flat version-1 shape", () => {
    const config = {
      enabled: true,
      use_as_profile: false,
      color: "green",
      skin: "robohog",
      accessories: ["cap", "glasses"],
      walking_enabled: true,
      interactions_enabled: false,
      controls_enabled: false,
      party_mode_enabled: false,
      fixed_direction: "left",
    };
    expect(hedgehogConfigSchema.parse(config)).toEqual(config);
  });

  it("accepts the version-2 shape", () => {
    const config = {
      version: 2,
      enabled: true,
      use_as_profile: true,
      party_mode_enabled: false,
      actor_options: { id: "player-1", player: true, color: null, skin: "ghost", accessories: ["beret"], ai_enabled: true },
    };
    expect(hedgehogConfigSchema.parse(config)).toEqual(config);
  });

  it.each([
    ["an unknown skin (v1)", { skin: "dragonhog" }, { attr: "skin", code: "invalid_choice" }],
    ["an unknown accessory (v1)", { accessories: ["crown"] }, { attr: "accessories__0", code: "invalid_choice" }],
    ["an unknown skin (v2)", { version: 2, actor_options: { skin: "dragonhog" } }, { attr: "actor_options__skin", code: "invalid_choice" }],
    ["an unknown accessory (v2)", { version: 2, actor_options: { accessories: ["crown"] } }, { attr: "actor_options__accessories__0", code: "invalid_choice" }],
    ["duplicate accessories (v1)", { accessories: ["cap", "cap"] }, { attr: "accessories", code: "duplicate" }],
    ["duplicate accessories (v2)", { version: 2, actor_options: { accessories: ["cap", "cap"] } }, { attr: "actor_options__accessories", code: "duplicate" }],
  ])("rejects %s, naming the field", (_label, input, expected) => {
    expect(issues(input)).toContainEqual(expected);
  });

  it.each([
    ["an unknown top-level key", { enabled: true, sneaky: 1 }],
    ["an unknown actor option", { version: 2, actor_options: { speed: 9 } }],
    ["a v1 key in a v2 config", { version: 2, skin: "default" }],
    ["an unknown version", { version: 3 }],
  ])("rejects %s", (_label, input) => {
    expect(hedgehogConfigSchema.safeParse(input).success).toBe(false);
  });

  it("bounds the size: oversized strings and accessory lists are refused", () => {
    expect(issues({ version: 2, actor_options: { id: "x".repeat(HEDGEHOG_CONFIG_MAX_BYTES) } })).toContainEqual({
      attr: "actor_options__id",
      code: "max_length",
    });
    const tooMany = [...HEDGEHOG_ACCESSORIES, HEDGEHOG_ACCESSORIES[0]];
    expect(issues({ accessories: tooMany }).map((issue) => issue.attr)).toContain("accessories");
  });

  it("accepts the largest valid config, which stays under the byte cap", () => {
    const largest = {
      version: 2,
      enabled: true,
      use_as_profile: true,
      party_mode_enabled: true,
      actor_options: { id: "x".repeat(100), player: true, color: "invert-hue", skin: "spiderhog", accessories: [...HEDGEHOG_ACCESSORIES] },
    };
    expect(hedgehogConfigSchema.safeParse(largest).success).toBe(true);
    expect(JSON.stringify(largest).length).toBeLessThanOrEqual(HEDGEHOG_CONFIG_MAX_BYTES);
  });
});
