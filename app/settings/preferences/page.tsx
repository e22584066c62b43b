import type { Metadata } from "next";
import { ComingSoonCard } from "@/components/settings/coming-soon-card";
import { PageHeader } from "@/components/settings/page-header";
import { SceneDefaultsCard } from "@/components/settings/scene-defaults-card";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { dashboardsOfTeam } from "@/lib/users/scene-personalisation";

export const metadata: Metadata = { title: "Preferences · Settings" };

export default async function PreferencesPage() {
  const principal = await requirePagePrincipal();
  const dashboards = await dashboardsOfTeam(principal.user.currentTeamId);
  return (
    <>
      <PageHeader title="Preferences" description="How the app looks and what it tells you about." />
      <ComingSoonCard id="appearance" title="Appearance and notifications">
        Choose a light, dark or system theme, where shortcuts appear, which emails you receive and how your usage
        data is handled.
      </ComingSoonCard>
      <SceneDefaultsCard dashboards={dashboards} />
    </>
  );
}
