import type { HedgehogLook } from "@/lib/hedgehog/look";
import { LazyHedgehogSprite } from "./lazy-hedgehog-sprite";
import "./hedgehog.css";

/** The hedgehog's head and shoulders in a circle, as PostHog crops its profile picture. */
export function HedgehogAvatar({ look, size, label }: { look: HedgehogLook; size: number; label?: string }) {
  return (
    <span className="hedgehog-avatar" style={{ width: size, height: size }} data-size={size}>
      <span className="hedgehog-avatar__crop">
        <LazyHedgehogSprite look={look} label={label} />
      </span>
    </span>
  );
}
