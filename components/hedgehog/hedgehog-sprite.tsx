"use client";

import { StaticHedgehog } from "@posthog/hedgehog-mode";
import { HEDGEHOG_ASSETS_URL, type HedgehogLook } from "@/lib/hedgehog/look";

/** PostHog's still hedgehog (CSS sprites). Importing the package loads all of it: reach this through `LazyHedgehogSprite`. */
export function HedgehogSprite({ look }: { look: HedgehogLook }) {
  return (
    <StaticHedgehog
      // The renderer lists no `invert-hue`; it draws that (older clients') colour as none.
      options={{ id: "preview", skin: look.skin, color: look.color === "invert-hue" ? null : look.color, accessories: look.accessories }}
      assetsUrl={HEDGEHOG_ASSETS_URL}
      className="hedgehog-sprite__image"
    />
  );
}
