import type { ReactNode } from "react";
import { AppShell } from "@/components/settings/app-shell";
import { requireOutboxViewer } from "@/lib/mail/outbox-page";
import { meQuery } from "@/lib/server/page-queries";
import { Prefetched } from "@/lib/server/prefetched";

export default async function DevLayout({ children }: { children: ReactNode }) {
  const principal = await requireOutboxViewer();
  return (
    <Prefetched queries={[meQuery(principal)]}>
      <AppShell email={principal.user.email} isStaff>
        {children}
      </AppShell>
    </Prefetched>
  );
}
