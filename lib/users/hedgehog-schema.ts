import { z } from "zod";

export const HEDGEHOG_SKINS = ["default", "spiderhog", "robohog", "hogzilla", "ghost"] as const;
export const HEDGEHOG_COLORS = [
  "green", "red", "blue", "purple", "dark", "light", "greyscale", "sepia", "invert", "invert-hue", "rainbow",
] as const;
export const HEDGEHOG_ACCESSORIES = [
  "beret", "cap", "chef", "cowboy", "eyepatch", "flag", "glasses", "graduation", "parrot", "party",
  "pineapple", "sunglasses", "tophat", "xmas-hat", "xmas-antlers", "xmas-scarf",
] as const;
export const HEDGEHOG_CONFIG_MAX_BYTES = 8 * 1024;

const accessories = z
  .array(z.enum(HEDGEHOG_ACCESSORIES))
  .max(HEDGEHOG_ACCESSORIES.length)
  .refine((list) => new Set(list).size === list.length, { message: "Accessories must not repeat.", params: { code: "duplicate" } });

const look = {
  color: z.enum(HEDGEHOG_COLORS).nullable().optional(),
  skin: z.enum(HEDGEHOG_SKINS).optional(),
  accessories: accessories.optional(),
};

const flags = {
  enabled: z.boolean().optional(),
  use_as_profile: z.boolean().optional(),
  party_mode_enabled: z.boolean().optional(),
};

/** Version 1: the flat shape older clients send. */
const flatConfig = z.strictObject({
  version: z.undefined().optional(),
  ...flags,
  ...look,
  walking_enabled: z.boolean().optional(),
  interactions_enabled: z.boolean().optional(),
  controls_enabled: z.boolean().optional(),
  ai_enabled: z.boolean().optional(),
  fixed_direction: z.enum(["left", "right"]).nullable().optional(),
});

/** Version 2: look and behaviour nested under the renderer's own `actor_options`. */
const versionTwoConfig = z.strictObject({
  version: z.literal(2),
  ...flags,
  actor_options: z
    .strictObject({
      ...look,
      id: z.string().max(100).optional(),
      player: z.boolean().optional(),
      ai_enabled: z.boolean().optional(),
      interactions_enabled: z.boolean().optional(),
      controls_enabled: z.boolean().optional(),
    })
    .optional(),
});

// Chosen by `version` (absent = version 1, as the renderer reads it), so an error names the
// offending nested field instead of the whole union.
export const hedgehogConfigSchema = z
  .discriminatedUnion("version", [versionTwoConfig, flatConfig])
  .refine((value) => JSON.stringify(value).length <= HEDGEHOG_CONFIG_MAX_BYTES, {
    message: `The hedgehog config must be at most ${HEDGEHOG_CONFIG_MAX_BYTES} bytes.`,
    params: { code: "max_length" },
  });

export type HedgehogConfig = z.infer<typeof hedgehogConfigSchema>;
