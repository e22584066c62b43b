import type { ReactNode } from "react";
import { AppShell } from "@/components/settings/app-shell";
import { requireStaffPagePrincipal } from "@/lib/auth/page-session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { user } = await requireStaffPagePrincipal();
  return (
    <AppShell email={user.email} isStaff>
      {children}
    </AppShell>
  );
}
