import type { THEME_MODES } from "@/lib/users/schemas";

/** A stored choice; `null` (never chosen, or cleared) follows the device like `system`. */
export type ThemeMode = (typeof THEME_MODES)[number];

/**
 * What `<html>` carries for a choice. globals.css keys the palette off `color-scheme` (through
 * `light-dark()`), so "light dark" lets the OS setting decide, live, with no script.
 */
export function themeAttributes(mode: ThemeMode | null): { dataTheme: ThemeMode; colorScheme: string } {
  if (mode === "light" || mode === "dark") return { dataTheme: mode, colorScheme: mode };
  return { dataTheme: "system", colorScheme: "light dark" };
}
