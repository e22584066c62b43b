import { themeAttributes, type ThemeMode } from "./theme-mode";

/**
 * Switches the page's theme at once (before the save answers). Transitions are held for one frame
 * so every surface changes together instead of fading at its own speed.
 */
export function applyTheme(mode: ThemeMode | null): void {
  const root = document.documentElement;
  const { dataTheme, colorScheme } = themeAttributes(mode);
  if (root.dataset.theme === dataTheme && root.style.colorScheme === colorScheme) return;
  root.classList.add("theme-switching");
  root.dataset.theme = dataTheme;
  root.style.colorScheme = colorScheme;
  requestAnimationFrame(() => requestAnimationFrame(() => root.classList.remove("theme-switching")));
}
