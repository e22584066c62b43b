import type { Metadata } from "next";
import { HedgehogSettings } from "@/components/settings/hedgehog-settings";
import { PageHeader } from "@/components/settings/page-header";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { hedgehogConfigQuery } from "@/lib/server/page-queries";
import { Prefetched } from "@/lib/server/prefetched";

export const metadata: Metadata = { title: "Hedgehog · Settings" };

export default async function HedgehogPage() {
  const principal = await requirePagePrincipal();
  return (
    <>
      <PageHeader title="Hedgehog" description="Dress up your hedgehog, decide what it may do, and use it as your profile picture." />
      <Prefetched queries={[hedgehogConfigQuery(principal)]}>
        <HedgehogSettings />
      </Prefetched>
    </>
  );
}
