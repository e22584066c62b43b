import type { Metadata } from "next";
import Link from "next/link";
import { AdminUserFacts, AdminUserOrganizations } from "@/components/admin/admin-user-facts";
import { CredentialReviewUserCard } from "@/components/admin/credential-review-user-card";
import { DeleteUserCard } from "@/components/admin/delete-user-card";
import { StaffAccessCard } from "@/components/admin/staff-access-card";
import { PageHeader } from "@/components/settings/page-header";
import { requireStaffPagePrincipal } from "@/lib/auth/page-session";
import { adminUserDetail } from "@/lib/server/admin-user-queries";

interface AdminUserPageProps {
  params: Promise<{ uuid: string }>;
}

export async function generateMetadata({ params }: AdminUserPageProps): Promise<Metadata> {
  const principal = await requireStaffPagePrincipal();
  const { user } = await adminUserDetail(principal, (await params).uuid);
  return { title: `${user.email} · Users · Admin` };
}

export default async function AdminUserPage({ params }: AdminUserPageProps) {
  const principal = await requireStaffPagePrincipal();
  const { user, activeSessions } = await adminUserDetail(principal, (await params).uuid);

  return (
    <>
      <p>
        <Link href="/admin/users">← All users</Link>
      </p>
      <PageHeader
        title={user.email}
        description={
          <Link href={`/admin/audit?target=${encodeURIComponent(user.uuid)}`}>Audit entries for this user</Link>
        }
      />
      <AdminUserFacts user={user} activeSessions={activeSessions} />
      <AdminUserOrganizations user={user} />
      <StaffAccessCard user={user} isSelf={user.uuid === principal.user.uuid} />
      <CredentialReviewUserCard uuid={user.uuid} email={user.email} />
      <DeleteUserCard uuid={user.uuid} email={user.email} activeSessions={activeSessions} />
    </>
  );
}
