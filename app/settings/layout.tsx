import type { ReactNode } from "react";
import { AppShell } from "@/components/settings/app-shell";
import { TwoFactorRequiredNotice } from "@/components/settings/two-factor-required-notice";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { meQuery } from "@/lib/server/page-queries";
import { Prefetched } from "@/lib/server/prefetched";

/**
 * Every settings page paints with the signed-in user's data (pages add their own queries); the
 * shell's avatar reads it too. A user who must set up two-factor first is redirected to the setup
 * page, which says why above its content.
 */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const principal = await requirePagePrincipal();
  return (
    <Prefetched queries={[meQuery(principal)]}>
      <AppShell email={principal.user.email} isStaff={principal.user.isStaff}>
        <TwoFactorRequiredNotice />
        {children}
      </AppShell>
    </Prefetched>
  );
}
