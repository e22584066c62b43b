import type { HedgehogAccessory, HedgehogColor, HedgehogSkin } from "./look";

// The allowed values of lib/users/hedgehog-schema.ts, repeated without zod so the hedgehog page's
// form stays light; tests/unit/hedgehog-choices.test.ts keeps both (and the renderer's lists) equal.
export const SKIN_CHOICES: readonly HedgehogSkin[] = ["default", "spiderhog", "robohog", "hogzilla", "ghost"];
export const COLOR_CHOICES: readonly HedgehogColor[] = [
  "green", "red", "blue", "purple", "dark", "light", "greyscale", "sepia", "invert", "invert-hue", "rainbow",
];

export type AccessorySlot = "headwear" | "eyewear" | "other";

/** The renderer's own grouping (`HedgehogActorAccessories`): at most one accessory per slot. */
export const ACCESSORY_SLOTS: Record<AccessorySlot, readonly HedgehogAccessory[]> = {
  headwear: ["beret", "cap", "chef", "cowboy", "flag", "graduation", "party", "pineapple", "tophat", "xmas-hat", "xmas-antlers"],
  eyewear: ["eyepatch", "glasses", "sunglasses"],
  other: ["parrot", "xmas-scarf"],
};

/** The renderer draws `invert-hue` (an older clients' colour) as no filter, so it is not offered. */
export const OFFERED_COLORS = COLOR_CHOICES.filter((color) => color !== "invert-hue");
