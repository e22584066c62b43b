import { describe, expect, it } from "vitest";
import { defaultDraft, randomLook, sameDraft, toDraft, withAccessory } from "@/lib/hedgehog/draft";
import { lookOf, usesHedgehogAsProfile } from "@/lib/hedgehog/look";
import { hedgehogConfigSchema } from "@/lib/users/hedgehog-schema";

describe("toDraft", () => {
  it("gives PostHog's defaults for nothing stored, with walking off under reduced motion", () => {
    expect(toDraft({})).toEqual(defaultDraft());
    expect(toDraft({}).actor_options).toMatchObject({ skin: "default", color: null, accessories: [], ai_enabled: true, interactions_enabled: true, controls_enabled: false });
    expect(toDraft({}, true).actor_options.ai_enabled).toBe(false);
    expect(toDraft({ walking_enabled: true }, true).actor_options.ai_enabled).toBe(true);
  });

  it("converts a flat (version 1) config as PostHog's client does", () => {
    const draft = toDraft({ enabled: true, use_as_profile: true, color: "red", skin: "ghost", accessories: ["cap"], walking_enabled: false, interactions_enabled: false, fixed_direction: "left" });
    expect(draft).toEqual({
      version: 2,
      enabled: true,
      use_as_profile: true,
      party_mode_enabled: false,
      actor_options: { skin: "ghost", color: "red", accessories: ["cap"], ai_enabled: false, interactions_enabled: false, controls_enabled: false },
    });
  });

  it("keeps a version-2 config, its actor id included, and fills what is missing", () => {
    const draft = toDraft({ version: 2, party_mode_enabled: true, actor_options: { id: "me", skin: "robohog", controls_enabled: true } });
    expect(draft.actor_options).toEqual({ id: "me", skin: "robohog", color: null, accessories: [], ai_enabled: true, interactions_enabled: true, controls_enabled: true });
    expect(draft.party_mode_enabled).toBe(true);
  });

  it("always makes a config the server accepts", () => {
    for (let i = 0; i < 50; i++) {
      const draft = { ...defaultDraft(), actor_options: { ...defaultDraft().actor_options, ...randomLook() } };
      expect(hedgehogConfigSchema.safeParse(draft).success).toBe(true);
    }
  });
});

describe("accessories", () => {
  it("hold at most one per slot: a second headwear replaces the first, None empties the slot", () => {
    const withCap = withAccessory([], "headwear", "cap");
    const both = withAccessory(withAccessory(withCap, "eyewear", "glasses"), "headwear", "tophat");
    expect(both.sort()).toEqual(["glasses", "tophat"]);
    expect(withAccessory(both, "headwear", null)).toEqual(["glasses"]);
  });
});

describe("sameDraft", () => {
  it("ignores accessory order but sees every other change", () => {
    const a = toDraft({ version: 2, actor_options: { accessories: ["cap", "glasses"] } });
    const b = toDraft({ version: 2, actor_options: { accessories: ["glasses", "cap"] } });
    expect(sameDraft(a, b)).toBe(true);
    expect(sameDraft(a, { ...a, use_as_profile: true })).toBe(false);
  });
});

describe("lookOf and usesHedgehogAsProfile (the avatar)", () => {
  it("read both shapes", () => {
    expect(lookOf({ skin: "ghost", accessories: ["cap"] })).toEqual({ skin: "ghost", color: null, accessories: ["cap"] });
    expect(lookOf({ version: 2, actor_options: { color: "blue" } })).toEqual({ skin: "default", color: "blue", accessories: [] });
    expect(lookOf(null)).toEqual({ skin: "default", color: null, accessories: [] });
    expect(usesHedgehogAsProfile({ use_as_profile: true })).toBe(true);
    expect(usesHedgehogAsProfile({ version: 2, use_as_profile: false })).toBe(false);
    expect(usesHedgehogAsProfile(null)).toBe(false);
  });
});
