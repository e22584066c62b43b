"use client";

import { useState } from "react";
import type { SaveState } from "@/lib/client/use-instant-save";
import { useMe } from "@/lib/client/use-me";
import { useSetSceneDashboard } from "@/lib/client/use-scene-defaults";
import { SelectSetting } from "./select-setting";
import { SettingsCard } from "./settings-card";

/** The scenes that show a dashboard, by the names PostHog's client posts. */
const SCENES = [
  { scene: "ProjectHomepage", label: "Project homepage", help: "The dashboard you land on when you open the project." },
  { scene: "Person", label: "Person pages", help: "Shown on every person's page." },
  { scene: "Group", label: "Group pages", help: "Shown on every group's page." },
] as const;

export interface DashboardOption {
  id: number;
  name: string;
}

function SceneRow({ scene, label, help, dashboards, chosen }: (typeof SCENES)[number] & { dashboards: readonly DashboardOption[]; chosen: number | undefined }) {
  const setDashboard = useSetSceneDashboard();
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [failed, setFailed] = useState<number | null>(null);
  const shown = setDashboard.isPending ? setDashboard.variables?.dashboard : chosen;

  function choose(dashboard: number) {
    setState({ kind: "saving" });
    setFailed(null);
    setDashboard.mutate(
      { scene, dashboard },
      {
        onSuccess: () => setState({ kind: "saved" }),
        onError: (error) => {
          setFailed(dashboard);
          setState({ kind: "failed", message: error.isRetryable ? "Couldn't save — try again." : `Couldn't save: ${error.body.detail}`, retryable: error.isRetryable });
        },
      },
    );
  }

  return (
    <SelectSetting label={label} help={help} value={shown === undefined ? "" : String(shown)} onChange={(value) => choose(Number(value))} state={state} onRetry={() => failed !== null && choose(failed)}>
      {shown === undefined ? (
        <option value="" disabled>
          Choose a dashboard
        </option>
      ) : null}
      {dashboards.map((dashboard) => (
        <option key={dashboard.id} value={String(dashboard.id)}>
          {dashboard.name}
        </option>
      ))}
    </SelectSetting>
  );
}

/** Per scene, one of the current project's dashboards (listed on the server for that project). */
export function SceneDefaultsCard({ dashboards }: { dashboards: readonly DashboardOption[] }) {
  const { data: me } = useMe();
  const teamName = me?.team?.name;
  // Choices of other projects are listed too; a dashboard belongs to one project, so its id tells.
  const ids = new Set(dashboards.map((dashboard) => dashboard.id));
  const chosen = new Map((me?.scene_personalisation ?? []).filter((choice) => choice.dashboard !== null && ids.has(choice.dashboard)).map((choice) => [choice.scene, choice.dashboard as number]));

  return (
    <SettingsCard id="scene-defaults" title="Default dashboards" description={teamName ? `For the project ${teamName}. Each project keeps its own choices.` : undefined}>
      {!me?.team ? (
        <p>Choose a project in the header first.</p>
      ) : dashboards.length === 0 ? (
        <p>This project has no dashboards yet.</p>
      ) : (
        <div className="scene-defaults">
          {SCENES.map((scene) => (
            <SceneRow key={scene.scene} {...scene} dashboards={dashboards} chosen={chosen.get(scene.scene)} />
          ))}
        </div>
      )}
    </SettingsCard>
  );
}
