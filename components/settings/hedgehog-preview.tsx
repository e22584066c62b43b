"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { HedgehogAvatar } from "@/components/hedgehog/hedgehog-avatar";
import { LazyHedgehogSprite } from "@/components/hedgehog/lazy-hedgehog-sprite";
import { usePrefersReducedMotion } from "@/lib/client/use-reduced-motion";
import type { HedgehogDraft } from "@/lib/hedgehog/draft";

// Pixi, physics and GSAP: fetched only when someone presses "Let it play", never on first paint.
const HedgehogGame = dynamic(() => import("@/components/hedgehog/hedgehog-game").then((module) => module.HedgehogGame), {
  ssr: false,
});

/** Set when the page reloads itself to start the game under its own document's policy. */
const PLAY_PARAM = "play";

/** Whether this document's Content-Security-Policy lets the renderer compile code (see next.config.js). */
function evalAllowed(): boolean {
  try {
    return new Function("return true")() === true;
  } catch {
    return false;
  }
}

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
    // Reached by in-app navigation, the document still has another page's policy: load this one.
    if (!evalAllowed()) {
      const url = new URL(window.location.href);
      url.searchParams.set(PLAY_PARAM, "1");
      window.location.assign(url);
      return;
    }
    setRound((value) => value + 1);
    setPlay("loading");
  }

  // The reload above was asked for with "Let it play": honour it once, then drop the marker.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get(PLAY_PARAM) !== "1") return;
    url.searchParams.delete(PLAY_PARAM);
    window.history.replaceState(window.history.state, "", url);
    setRound((value) => value + 1);
    setPlay("loading");
  }, []);

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
