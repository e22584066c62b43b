import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ThemeSync } from "@/components/ui/theme-sync";
import { env } from "@/lib/env";
import { pageThemeMode } from "@/lib/theme/page-theme";
import { themeAttributes } from "@/lib/theme/theme-mode";
import { Providers } from "./providers";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  // APP_NAME is read when the app runs, not frozen into pages prerendered by the build.
  await connection();
  return {
    title: { template: `%s · ${env.appName}`, default: env.appName },
    description: "Manage your account settings.",
  };
}

/**
 * `<html>` arrives from the server with the signed-in user's theme, so no page ever paints in the
 * wrong one first; signed-out pages follow the device.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const { dataTheme, colorScheme } = themeAttributes(await pageThemeMode());
  return (
    // The theme picker changes these attributes in the browser before the server knows.
    <html lang="en" data-theme={dataTheme} style={{ colorScheme }} suppressHydrationWarning>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <Providers>
          <ThemeSync />
          {children}
        </Providers>
      </body>
    </html>
  );
}
