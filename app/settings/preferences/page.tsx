import type { Metadata } from "next";
import { MobileDevicesCard } from "@/components/settings/mobile-devices-card";
import { NotificationsCard } from "@/components/settings/notifications-card";
import { PageHeader } from "@/components/settings/page-header";
import { PrivacyCard } from "@/components/settings/privacy-card";
import { RoleCard } from "@/components/settings/role-card";
import { SceneDefaultsCard } from "@/components/settings/scene-defaults-card";
import { SignalsCard } from "@/components/settings/signals-card";
import { ThemeCard } from "@/components/settings/theme-card";
import { WeeklyDigestsCard } from "@/components/settings/weekly-digests-card";
import { WorkspaceCard } from "@/components/settings/workspace-card";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { pushDevicesQuery, signalAutonomyQuery } from "@/lib/server/preference-queries";
import { Prefetched } from "@/lib/server/prefetched";
import { dashboardsOfTeam } from "@/lib/users/scene-personalisation";

export const metadata: Metadata = { title: "Preferences · Settings" };

/**
 * The settings layout has already put the signed-in user in the cache, so every card paints on
 * the server; the scene defaults also need the current project's dashboards, and the signals and
 * mobile devices cards their own reads.
 */
export default async function PreferencesPage() {
  const principal = await requirePagePrincipal();
  const dashboards = await dashboardsOfTeam(principal.user.currentTeamId);
  return (
    <>
      <PageHeader title="Preferences" description="How the app looks and what it tells you about. Every change saves at once." />
      <ThemeCard />
      <WorkspaceCard />
      <NotificationsCard />
      <Prefetched queries={[pushDevicesQuery(principal), signalAutonomyQuery(principal)]}>
        <MobileDevicesCard />
        <SignalsCard />
      </Prefetched>
      <WeeklyDigestsCard />
      <PrivacyCard />
      <RoleCard />
      <SceneDefaultsCard dashboards={dashboards} />
    </>
  );
}
