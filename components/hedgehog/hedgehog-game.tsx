"use client";

import { HedgehogModeRenderer, type HedgeHogMode, type HedgehogActorOptions } from "@posthog/hedgehog-mode";
import { useEffect, useRef, useState } from "react";
import type { HedgehogDraft } from "@/lib/hedgehog/draft";
import { HEDGEHOG_ASSETS_URL } from "@/lib/hedgehog/look";

export interface HedgehogGameProps {
  actor: HedgehogDraft["actor_options"];
  paused: boolean;
  /** Walking off: the hedgehog stays where it lands (reduced motion). */
  still: boolean;
  onReady: () => void;
}

/** PostHog's animated hedgehog (pixi + physics, in a shadow root) over the page; unmounting destroys the game. */
export function HedgehogGame({ actor, paused, still, onReady }: HedgehogGameProps) {
  const game = useRef<HedgeHogMode | null>(null);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  // The game reads its options once, when it starts: the caller remounts it for a new look.
  const [config] = useState(() => {
    const options: HedgehogActorOptions = {
      id: "settings-preview",
      player: true,
      skin: actor.skin,
      color: actor.color === "invert-hue" ? null : actor.color,
      accessories: actor.accessories,
      ai_enabled: actor.ai_enabled && !still,
      interactions_enabled: actor.interactions_enabled,
      controls_enabled: actor.controls_enabled,
    };
    return { assetsUrl: HEDGEHOG_ASSETS_URL, state: { options } };
  });

  useEffect(() => {
    const current = game.current;
    if (current) setPaused(current, paused);
  }, [paused]);

  return (
    <HedgehogModeRenderer
      config={config}
      onGameReady={(ready) => {
        game.current = ready;
        setPaused(ready, pausedRef.current);
        onReady();
      }}
    />
  );
}

function setPaused(game: HedgeHogMode, paused: boolean): void {
  game.setSpeed(paused ? 0 : 1);
  if (paused) game.app.ticker.stop();
  else game.app.ticker.start();
  // What the game itself reports, for styles and tests: the physics clock and the render ticker.
  game.ref?.setAttribute("data-running", String(game.engine.timing.timeScale > 0 && game.app.ticker.started));
}
