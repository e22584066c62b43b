import { describe, expect, it } from "vitest";
import { ACCESSORY_SLOTS, COLOR_CHOICES, OFFERED_COLORS, SKIN_CHOICES } from "@/lib/hedgehog/choices";
import { HEDGEHOG_ACCESSORIES, HEDGEHOG_COLORS, HEDGEHOG_SKINS } from "@/lib/users/hedgehog-schema";

describe("the hedgehog page's choices", () => {
  it("are the server schema's allowed values", () => {
    expect(SKIN_CHOICES).toEqual(HEDGEHOG_SKINS);
    expect(COLOR_CHOICES).toEqual(HEDGEHOG_COLORS);
    expect(Object.values(ACCESSORY_SLOTS).flat().sort()).toEqual([...HEDGEHOG_ACCESSORIES].sort());
  });

  it("are the renderer's own lists and accessory groups", async () => {
    const renderer = await import("@posthog/hedgehog-mode");
    expect(SKIN_CHOICES).toEqual(renderer.HedgehogActorSkinOptions);
    expect(OFFERED_COLORS).toEqual(renderer.HedgehogActorColorOptions);
    for (const [slot, accessories] of Object.entries(ACCESSORY_SLOTS)) {
      for (const accessory of accessories) expect(renderer.HedgehogActorAccessories[accessory].group, accessory).toBe(slot);
    }
    expect(Object.values(ACCESSORY_SLOTS).flat().sort()).toEqual([...renderer.HedgehogActorAccessoryOptions].sort());
  });
});
