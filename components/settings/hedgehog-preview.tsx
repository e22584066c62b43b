"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { HedgehogAvatar } from "@/components/hedgehog/hedgehog-avatar";
import { LazyHedgehogSprite } from "@/components/hedgehog/lazy-hedgehog-sprite";
import { usePrefersReducedMotion } from "@/lib/client/use-reduced-motion";
import type { HedgehogDraft } from "@/lib/hedgehog/draft";

// Pixi, physics and GSAP: fetched only when someone presses "Let it play", never on first paint.
const HedgehogGame = dynamic(() => import("@/components/hedgehog/hedgehog-game").then((module) => module.HedgehogGame), {
  ssr: false,
});

type PlayState = "stopped" | "loading" | "playing" | "paused";

const PLAY_STATUS: Record<PlayState, string> = {
  stopped: "",
  loading: "Starting the hedgehog…",
  playing: "The hedgehog is playing on this page.",
  paused: "The hedgehog is paused.",
};

/** The draft drawn still, the avatar sizes when it is the profile picture, and the animated hedgehog on demand. */
export function HedgehogPreview({ draft }: { draft: HedgehogDraft }) {
  const reducedMotion = usePrefersReducedMotion();
  const [play, setPlay] = useState<PlayState>("stopped");
  const [round, setRound] = useState(0);
  const look = draft.actor_options;
  const describedLook = [look.skin === "default" ? "classic" : look.skin, look.color ?? "no colour", ...look.accessories].join(", ");

  function start() {
    setRound((value) => value + 1);
    setPlay("loading");
  }

  return (
    <aside className="hedgehog-preview" aria-label="Preview">
      <div className="hedgehog-preview__stage" data-testid="hedgehog-preview">
        <LazyHedgehogSprite look={look} label={`Your hedgehog: ${describedLook}`} />
      </div>
      {draft.use_as_profile ? (
        <div className="hedgehog-preview__avatars">
          <span className="muted">As your profile picture:</span>
          <HedgehogAvatar look={look} size={32} />
          <HedgehogAvatar look={look} size={64} />
        </div>
      ) : null}
      <div className="hedgehog-preview__controls">
        {play === "stopped" ? (
          <button type="button" className="button button--secondary" onClick={start}>
            Let it play
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button button--secondary"
              disabled={play === "loading"}
              onClick={() => setPlay(play === "paused" ? "playing" : "paused")}
            >
              {play === "paused" ? "Resume" : "Pause"}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setPlay("stopped")}>
              Stop
            </button>
          </>
        )}
      </div>
      <p className="field__help">
        {reducedMotion
          ? "Your device asks for reduced motion, so the hedgehog stays still here; if you let it play it will not walk around."
          : "The animated hedgehog runs across this page until you pause or stop it. It uses the look you are editing."}
      </p>
      <p role="status" className="visually-hidden">
        {PLAY_STATUS[play]}
      </p>
      {play === "stopped" ? null : (
        <div className="hedgehog-preview__game" data-state={play} data-testid="hedgehog-game">
          <HedgehogGame
            key={round}
            actor={look}
            paused={play === "paused"}
            still={reducedMotion}
            onReady={() => setPlay((state) => (state === "loading" ? "playing" : state))}
          />
        </div>
      )}
    </aside>
  );
}
