import type { Metadata } from "next";
import { AuditLogTable } from "@/components/admin/audit-log-table";
import { PageHeader } from "@/components/settings/page-header";
import { requireStaffPagePrincipal } from "@/lib/auth/page-session";
import { auditParamsFor, auditViewFromSearchParams } from "@/lib/client/audit-log";
import type { PageSearchParams } from "@/lib/client/user-table-page";
import { auditLogQuery } from "@/lib/server/page-queries";
import { Prefetched } from "@/lib/server/prefetched";

// Checked here as well as in the layout: metadata is resolved apart from the layout.
export async function generateMetadata(): Promise<Metadata> {
  await requireStaffPagePrincipal();
  return { title: "Audit · Admin" };
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  await requireStaffPagePrincipal();
  const params = auditParamsFor(auditViewFromSearchParams(await searchParams));
  return (
    <>
      <PageHeader title="Audit" description="Who changed staff access, deleted users or asked for credential reviews, when, and from where." />
      <Prefetched queries={[auditLogQuery(params)]}>
        <AuditLogTable />
      </Prefetched>
    </>
  );
}
