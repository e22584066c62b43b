import type { Metadata } from "next";
import { ComingSoonCard } from "@/components/settings/coming-soon-card";
import { PageHeader } from "@/components/settings/page-header";

export const metadata: Metadata = { title: "Security · Settings" };

export default function SecurityPage() {
  return (
    <>
      <PageHeader title="Security" description="Keep your account safe." />
      <ComingSoonCard id="sign-in-security" title="Password and sign-in">
        Change your password, turn on two-factor authentication, manage backup codes and passkeys, and sign out
        devices you no longer use.
      </ComingSoonCard>
    </>
  );
}
