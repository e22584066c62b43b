import type { Metadata } from "next";
import { NotificationsCard } from "@/components/settings/notifications-card";
import { PageHeader } from "@/components/settings/page-header";
import { PrivacyCard } from "@/components/settings/privacy-card";
import { RoleCard } from "@/components/settings/role-card";
import { SceneDefaultsCard } from "@/components/settings/scene-defaults-card";
import { ThemeCard } from "@/components/settings/theme-card";
import { WeeklyDigestsCard } from "@/components/settings/weekly-digests-card";
import { WorkspaceCard } from "@/components/settings/workspace-card";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { dashboardsOfTeam } from "@/lib/users/scene-personalisation";

export const metadata: Metadata = { title: "Preferences · Settings" };

/**
 * The settings layout has already put the signed-in user in the cache, so every card paints on
 * the server; the scene defaults also need the current project's dashboards.
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
      <WeeklyDigestsCard />
      <PrivacyCard />
      <RoleCard />
      <SceneDefaultsCard dashboards={dashboards} />
    </>
  );
}
