"use client";

import { useInstantSave } from "@/lib/client/use-instant-save";
import type { SHORTCUT_POSITIONS } from "@/lib/users/limits";
import type { UserDto } from "@/lib/users/user-schema";
import { ChoiceCards, type Choice } from "./choice-cards";
import { PreferenceSwitch } from "./preference-switch";
import { UserSettingsCard } from "./user-settings-card";

type ShortcutPosition = (typeof SHORTCUT_POSITIONS)[number];

const diagram = (position: ShortcutPosition) => <span className="shortcut-diagram" data-position={position} aria-hidden="true" />;

const SHORTCUT_CHOICES: readonly Choice<ShortcutPosition>[] = [
  { value: "above", label: "Above", description: "Above the page content.", preview: diagram("above") },
  { value: "below", label: "Below", description: "Below the page content.", preview: diagram("below") },
  { value: "hidden", label: "Hidden", description: "Not shown.", preview: diagram("hidden") },
];

function ShortcutPositionPicker({ user }: { user: UserDto }) {
  // A position never chosen is shown where the app puts it: above.
  const position = useInstantSave<ShortcutPosition>(user.shortcut_position ?? "above", (shortcut_position) => ({ shortcut_position }));
  return (
    <ChoiceCards
      name="shortcut-position"
      legend="Shortcut position"
      description="Where your pinned shortcuts appear in the navigation."
      choices={SHORTCUT_CHOICES}
      value={position.value}
      onChange={position.save}
      state={position.state}
      onRetry={position.retry}
    />
  );
}

export function WorkspaceCard() {
  return (
    <UserSettingsCard id="workspace" title="Toolbar, shortcuts and hints" description="What the app shows around your work.">
      {(user) => (
        <>
          <PreferenceSwitch
            id="pref-toolbar"
            label="Show the toolbar"
            description="Open the toolbar on your own sites to see heatmaps and edit actions in place."
            user={user}
            // Unset means the reference default, the toolbar.
            read={(u) => u.toolbar_mode !== "disabled"}
            write={(on) => ({ toolbar_mode: on ? "toolbar" : "disabled" })}
          />
          <ShortcutPositionPicker user={user} />
          <PreferenceSwitch
            id="pref-sidebar-suggestions"
            label="Suggest items for the sidebar"
            description="Offer pages you visit often as shortcuts in the sidebar."
            user={user}
            read={(u) => u.allow_sidebar_suggestions === true}
            write={(on) => ({ allow_sidebar_suggestions: on })}
          />
          <PreferenceSwitch
            id="pref-mcp-hints"
            label="Show hints"
            description="Tips about connecting AI assistants (MCP) to your account."
            user={user}
            read={(u) => !u.hide_mcp_hints}
            write={(on) => ({ hide_mcp_hints: !on })}
          />
        </>
      )}
    </UserSettingsCard>
  );
}
