"use client";

import dynamic from "next/dynamic";
import type { HedgehogLook } from "@/lib/hedgehog/look";

// The package is one ~180 KB (gzip) chunk: only pages that draw a hedgehog fetch it, after first paint.
const HedgehogSprite = dynamic(() => import("./hedgehog-sprite").then((module) => module.HedgehogSprite), {
  ssr: false,
  loading: () => <span className="hedgehog-sprite__placeholder" />,
});

/**
 * A still hedgehog filling its box, with its look as data attributes (what tests and styles read).
 * `label` names it for assistive technology; without one it is decoration.
 */
export function LazyHedgehogSprite({ look, label }: { look: HedgehogLook; label?: string }) {
  return (
    <span
      className="hedgehog-sprite"
      role={label ? "img" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      data-skin={look.skin}
      data-color={look.color ?? "none"}
      data-accessories={look.accessories.join(" ")}
      data-animating="false"
    >
      <HedgehogSprite look={look} />
    </span>
  );
}
