import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { UsersTable } from "@/components/admin/users-table";
import { PageHeader } from "@/components/settings/page-header";
import { requirePagePrincipal } from "@/lib/auth/page-session";

const requireStaff = cache(async (): Promise<void> => {
  const { user } = await requirePagePrincipal();
  if (!user.isStaff) notFound();
});

// Checked here as well as in the layout: metadata is resolved apart from the layout, and without
// this a non-staff 404 would still be titled "Users".
export async function generateMetadata(): Promise<Metadata> {
  await requireStaff();
  return { title: "Users · Admin" };
}

export default async function AdminUsersPage() {
  await requireStaff();

  return (
    <>
      <PageHeader title="Users" description="Everyone with an account on this instance. Visible to staff only." />
      <UsersTable />
    </>
  );
}
