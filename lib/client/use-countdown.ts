"use client";

import { useEffect, useState } from "react";

/** Whole seconds until `deadline` (epoch ms), ticking each second; 0 once passed, null without one. */
export function useCountdown(deadline: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  if (deadline === null) return null;
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** 75 → "1:15". */
export function minutesAndSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** A wait the server asked for (429 with Retry-After), counted down for the person. */
export function useLockout() {
  const [until, setUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(until);
  const locked = secondsLeft !== null && secondsLeft > 0;
  return {
    locked,
    secondsLeft: locked ? secondsLeft : null,
    lockFor: (seconds: number | null) => setUntil(Date.now() + (seconds ?? 60) * 1000),
  };
}
