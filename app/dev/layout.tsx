import type { ReactNode } from "react";
import { AppShell } from "@/components/settings/app-shell";
import { requireOutboxViewer } from "@/lib/mail/outbox-page";

export default async function DevLayout({ children }: { children: ReactNode }) {
  const { user } = await requireOutboxViewer();
  return (
    <AppShell email={user.email} isStaff>
      {children}
    </AppShell>
  );
}
