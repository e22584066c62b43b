import type { Metadata } from "next";
import { ComingSoonCard } from "@/components/settings/coming-soon-card";
import { PageHeader } from "@/components/settings/page-header";
import { SignedInDevices } from "@/components/settings/signed-in-devices";

export const metadata: Metadata = { title: "Security · Settings" };

export default function SecurityPage() {
  return (
    <>
      <PageHeader title="Security" description="Keep your account safe." />
      <SignedInDevices />
      <ComingSoonCard id="sign-in-security" title="Password and two-factor">
        Change your password, turn on two-factor authentication, and manage backup codes and passkeys.
      </ComingSoonCard>
    </>
  );
}
