import type { HEDGEHOG_ACCESSORIES, HEDGEHOG_COLORS, HEDGEHOG_SKINS, HedgehogConfig } from "@/lib/users/hedgehog-schema";

// Types only from the schema module: it loads zod, which the shell's avatar must not bring to every page.
export type HedgehogSkin = (typeof HEDGEHOG_SKINS)[number];
export type HedgehogColor = (typeof HEDGEHOG_COLORS)[number];
export type HedgehogAccessory = (typeof HEDGEHOG_ACCESSORIES)[number];

/** What `GET /api/users/@me/hedgehog_config/` answers: a config of either shape, or `{}` when none is stored. */
export type StoredHedgehogConfig = HedgehogConfig | Record<string, never>;

/** What a still hedgehog needs to be drawn. */
export interface HedgehogLook {
  skin: HedgehogSkin;
  color: HedgehogColor | null;
  accessories: HedgehogAccessory[];
}

/** Where the copied sprite sheet and atlas are served (scripts/copy-hedgehog-assets.mjs). */
export const HEDGEHOG_ASSETS_URL = "/hedgehog";

/** Whether a stored config asks for the hedgehog as the avatar, in either shape. */
export function usesHedgehogAsProfile(stored: StoredHedgehogConfig | null | undefined): boolean {
  return stored?.use_as_profile === true;
}

/** The look of a stored config of either shape (version 2 nests it under `actor_options`). */
export function lookOf(stored: StoredHedgehogConfig | null | undefined): HedgehogLook {
  const source = stored && "version" in stored && stored.version === 2 ? (stored.actor_options ?? {}) : ((stored ?? {}) as Partial<HedgehogLook>);
  return { skin: source.skin ?? "default", color: source.color ?? null, accessories: source.accessories ?? [] };
}
