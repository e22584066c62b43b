import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/settings/app-shell";
import { requirePagePrincipal } from "@/lib/auth/page-session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { user } = await requirePagePrincipal();
  // Non-staff get the same answer as for a page that doesn't exist.
  if (!user.isStaff) notFound();
  return (
    <AppShell email={user.email} isStaff>
      {children}
    </AppShell>
  );
}
