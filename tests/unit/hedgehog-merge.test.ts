import { describe, expect, it } from "vitest";
import { mergeHedgehogConfig, toFlat, toVersionTwo } from "@/lib/users/hedgehog-merge";
import type { HedgehogConfig } from "@/lib/users/hedgehog-schema";

describe("mergeHedgehogConfig", () => {
  it("keeps flat keys not sent and replaces the accessories list", () => {
    const stored = { skin: "robohog", color: "blue", accessories: ["cap", "beret"], walking_enabled: true } as const;
    expect(mergeHedgehogConfig(stored, { color: "red", accessories: ["party"] })).toEqual({
      skin: "robohog",
      color: "red",
      accessories: ["party"],
      walking_enabled: true,
    });
  });

  it("merges version 2 one level into actor_options", () => {
    const stored = { version: 2, enabled: true, actor_options: { skin: "ghost", color: "green", ai_enabled: false } } as const;
    expect(mergeHedgehogConfig(stored, { version: 2, actor_options: { accessories: ["tophat"] } })).toEqual({
      version: 2,
      enabled: true,
      actor_options: { skin: "ghost", color: "green", ai_enabled: false, accessories: ["tophat"] },
    });
  });

  it("keeps the stored shape for a patch of shared flags only", () => {
    const stored = { version: 2, actor_options: { skin: "ghost" } } as const;
    expect(mergeHedgehogConfig(stored, { use_as_profile: true })).toEqual({ version: 2, use_as_profile: true, actor_options: { skin: "ghost" } });
    expect(mergeHedgehogConfig({ skin: "robohog" }, { use_as_profile: true })).toEqual({ skin: "robohog", use_as_profile: true });
  });

  it("converts a stored flat config to version 2 when the patch speaks version 2, as PostHog's client does", () => {
    const stored = { enabled: true, skin: "robohog", color: "blue", walking_enabled: true, fixed_direction: "left" } as const;
    expect(mergeHedgehogConfig(stored, { version: 2, actor_options: { color: "red" } })).toEqual({
      version: 2,
      enabled: true,
      actor_options: { skin: "robohog", color: "red", ai_enabled: true },
    });
  });

  it("converts a stored version 2 config to flat when the patch speaks version 1", () => {
    const stored = { version: 2, use_as_profile: true, actor_options: { id: "p1", skin: "ghost", ai_enabled: false } } as const;
    expect(mergeHedgehogConfig(stored, { accessories: ["cap"] })).toEqual({ use_as_profile: true, skin: "ghost", walking_enabled: false, accessories: ["cap"] });
  });

  it("keeps an explicit null colour (none) rather than dropping it", () => {
    expect(mergeHedgehogConfig({ color: "red", skin: "ghost" }, { color: null })).toEqual({ color: null, skin: "ghost" });
  });

  it("treats nothing stored, or an unreadable stored value, as an empty config", () => {
    expect(mergeHedgehogConfig(null, { skin: "ghost" })).toEqual({ skin: "ghost" });
    expect(mergeHedgehogConfig(["not", "a", "config"], { skin: "ghost" })).toEqual({ skin: "ghost" });
  });

  it("round-trips a whole object in either shape", () => {
    const flat: HedgehogConfig = { enabled: true, use_as_profile: false, color: "green", skin: "default", accessories: ["cap"], walking_enabled: true, interactions_enabled: true, controls_enabled: false, party_mode_enabled: false, fixed_direction: "right" };
    expect(mergeHedgehogConfig(flat, flat)).toEqual(flat);
    const v2: HedgehogConfig = { version: 2, enabled: true, use_as_profile: true, party_mode_enabled: false, actor_options: { id: "x", player: true, color: null, skin: "ghost", accessories: [], ai_enabled: true, interactions_enabled: false, controls_enabled: true } };
    expect(mergeHedgehogConfig(v2, v2)).toEqual(v2);
    expect(toFlat(toVersionTwo({ skin: "ghost", walking_enabled: true }))).toEqual({ skin: "ghost", walking_enabled: true });
  });
});
