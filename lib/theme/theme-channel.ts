import type { ThemeMode } from "./theme-mode";

const CHANNEL = "theme";

/** Tells this browser's other tabs that a theme was saved. */
export function announceSavedTheme(mode: ThemeMode | null): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(mode);
  channel.close();
}

/** Calls `onSaved` with each theme another tab saves; returns the unsubscribe. */
export function onThemeSavedElsewhere(onSaved: (mode: ThemeMode | null) => void): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const mode = event.data;
    if (mode === null || mode === "light" || mode === "dark" || mode === "system") onSaved(mode);
  };
  return () => channel.close();
}
