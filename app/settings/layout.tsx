import type { ReactNode } from "react";
import { AppShell } from "@/components/settings/app-shell";
import { requirePagePrincipal } from "@/lib/auth/page-session";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const { user } = await requirePagePrincipal();
  return (
    <AppShell email={user.email} isStaff={user.isStaff}>
      {children}
    </AppShell>
  );
}
