import type { Metadata } from "next";
import { PageHeader } from "@/components/settings/page-header";
import { PersonalApiKeys } from "@/components/settings/personal-api-keys";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { myApiKeysQuery } from "@/lib/server/api-key-queries";
import { Prefetched } from "@/lib/server/prefetched";

export const metadata: Metadata = { title: "API keys · Settings" };

export default async function ApiKeysPage() {
  const principal = await requirePagePrincipal();
  return (
    <>
      <PageHeader title="API keys" description="Personal keys that let scripts and tools act as you." />
      <Prefetched queries={[myApiKeysQuery(principal)]}>
        <PersonalApiKeys />
      </Prefetched>
    </>
  );
}
