import type { ReactNode } from "react";
import { AppShell } from "@/components/settings/app-shell";
import { requireStaffPagePrincipal } from "@/lib/auth/page-session";
import { meQuery } from "@/lib/server/page-queries";
import { Prefetched } from "@/lib/server/prefetched";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const principal = await requireStaffPagePrincipal();
  return (
    <Prefetched queries={[meQuery(principal)]}>
      <AppShell email={principal.user.email} isStaff>
        {children}
      </AppShell>
    </Prefetched>
  );
}
