import "server-only";
import { getPagePrincipal } from "@/lib/auth/page-session";
import type { ThemeMode } from "./theme-mode";

/**
 * The signed-in user's theme for the server-rendered `<html>`, so the first paint is already right.
 * It reuses the page's one principal lookup (a request without a session cookie reads nothing);
 * if that lookup fails the page follows the device, and the layout that needs the user reports the failure.
 */
export async function pageThemeMode(): Promise<ThemeMode | null> {
  try {
    return (await getPagePrincipal())?.user.themeMode ?? null;
  } catch {
    return null;
  }
}
