import type { Metadata } from "next";
import { ComingSoonCard } from "@/components/settings/coming-soon-card";
import { PageHeader } from "@/components/settings/page-header";

export const metadata: Metadata = { title: "API keys · Settings" };

export default function ApiKeysPage() {
  return (
    <>
      <PageHeader title="API keys" description="Personal keys that let scripts and tools act as you." />
      <ComingSoonCard id="personal-api-keys" title="Personal API keys">
        Create keys limited to the scopes you choose, see when each was last used, and revoke any key at once.
      </ComingSoonCard>
    </>
  );
}
