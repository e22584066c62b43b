import type { Metadata } from "next";
import { PageHeader } from "@/components/settings/page-header";
import { PasskeysCard } from "@/components/settings/passkeys-card";
import { PasswordCard } from "@/components/settings/password-card";
import { SecureModeCard } from "@/components/settings/secure-mode-card";
import { SecurityCheckupCard } from "@/components/settings/security-checkup-card";
import { SignedInDevices } from "@/components/settings/signed-in-devices";
import { TwoFactorCard } from "@/components/settings/two-factor-card";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { env } from "@/lib/env";
import { meQuery } from "@/lib/server/page-queries";
import { myPasskeysQuery } from "@/lib/server/passkey-queries";
import { Prefetched } from "@/lib/server/prefetched";
import { mySessionsQuery, securityCheckupQuery } from "@/lib/server/session-queries";
import { twoFactorStatusQuery } from "@/lib/server/two-factor-queries";

export const metadata: Metadata = { title: "Security · Settings" };

export default async function SecurityPage() {
  const principal = await requirePagePrincipal();
  return (
    <>
      <PageHeader title="Security" description="Keep your account safe." />
      <Prefetched queries={[twoFactorStatusQuery(principal), meQuery(principal), mySessionsQuery(principal), securityCheckupQuery(principal), myPasskeysQuery(principal)]}>
        <SecurityCheckupCard />
        <SecureModeCard />
        <PasswordCard />
        <TwoFactorCard appName={env.appName} />
        <PasskeysCard />
        <SignedInDevices />
      </Prefetched>
    </>
  );
}
