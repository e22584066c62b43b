import type { Metadata } from "next";
import { PageHeader } from "@/components/settings/page-header";
import { PersonalApiKeys } from "@/components/settings/personal-api-keys";

export const metadata: Metadata = { title: "API keys · Settings" };

export default function ApiKeysPage() {
  return (
    <>
      <PageHeader title="API keys" description="Personal keys that let scripts and tools act as you." />
      <PersonalApiKeys />
    </>
  );
}
