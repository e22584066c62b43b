import type { Metadata } from "next";
import { AuditLogTable } from "@/components/admin/audit-log-table";
import { PageHeader } from "@/components/settings/page-header";
import { requireStaffPagePrincipal } from "@/lib/auth/page-session";

// Checked here as well as in the layout: metadata is resolved apart from the layout.
export async function generateMetadata(): Promise<Metadata> {
  await requireStaffPagePrincipal();
  return { title: "Audit · Admin" };
}

export default async function AdminAuditPage() {
  await requireStaffPagePrincipal();
  return (
    <>
      <PageHeader title="Audit" description="Who changed staff access, deleted users or asked for credential reviews, when, and from where." />
      <AuditLogTable />
    </>
  );
}
