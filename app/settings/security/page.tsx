import type { Metadata } from "next";
import { ComingSoonCard } from "@/components/settings/coming-soon-card";
import { PageHeader } from "@/components/settings/page-header";
import { SignedInDevices } from "@/components/settings/signed-in-devices";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { Prefetched } from "@/lib/server/prefetched";
import { mySessionsQuery } from "@/lib/server/session-queries";

export const metadata: Metadata = { title: "Security · Settings" };

export default async function SecurityPage() {
  const principal = await requirePagePrincipal();
  return (
    <>
      <PageHeader title="Security" description="Keep your account safe." />
      <Prefetched queries={[mySessionsQuery(principal)]}>
        <SignedInDevices />
      </Prefetched>
      <ComingSoonCard id="sign-in-security" title="Password and two-factor">
        Change your password, turn on two-factor authentication, and manage backup codes and passkeys.
      </ComingSoonCard>
    </>
  );
}
