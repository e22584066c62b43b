import type { Metadata } from "next";
import { CredentialReviewAllCard } from "@/components/admin/credential-review-all-card";
import { UsersTable } from "@/components/admin/users-table";
import { PageHeader } from "@/components/settings/page-header";
import { requireStaffPagePrincipal } from "@/lib/auth/page-session";
import { userListParamsFor, userTableView, type PageSearchParams } from "@/lib/client/user-table-page";
import { userListQuery } from "@/lib/server/page-queries";
import { Prefetched } from "@/lib/server/prefetched";

// Checked here as well as in the layout: metadata is resolved apart from the layout, and without
// this a non-staff 404 would still be titled "Users".
export async function generateMetadata(): Promise<Metadata> {
  await requireStaffPagePrincipal();
  return { title: "Users · Admin" };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const principal = await requireStaffPagePrincipal();
  const query = await searchParams;
  const view = userTableView((name) => query[name]);

  return (
    <>
      <PageHeader title="Users" description="Everyone with an account on this instance. Visible to staff only." />
      <Prefetched queries={[userListQuery(principal, userListParamsFor(view))]}>
        <UsersTable />
      </Prefetched>
      <CredentialReviewAllCard />
    </>
  );
}
