import type { Metadata } from "next";
import { ComingSoonCard } from "@/components/settings/coming-soon-card";
import { PageHeader } from "@/components/settings/page-header";

export const metadata: Metadata = { title: "Integrations · Settings" };

export default function IntegrationsPage() {
  return (
    <>
      <PageHeader title="Integrations" description="Services connected to your account." />
      <ComingSoonCard id="github" title="GitHub">
        Connect your GitHub account, choose which repositories the app may read, and disconnect when you&apos;re
        done.
      </ComingSoonCard>
    </>
  );
}
