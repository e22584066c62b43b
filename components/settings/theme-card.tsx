"use client";

import { useEffect } from "react";
import { useInstantSave } from "@/lib/client/use-instant-save";
import { applyTheme } from "@/lib/theme/apply-theme";
import { announceSavedTheme } from "@/lib/theme/theme-channel";
import type { ThemeMode } from "@/lib/theme/theme-mode";
import type { UserDto } from "@/lib/users/user-schema";
import { ChoiceCards, type Choice } from "./choice-cards";
import { UserSettingsCard } from "./user-settings-card";

const preview = (mode: ThemeMode) => <span className="theme-preview" data-preview={mode} aria-hidden="true" />;

const THEME_CHOICES: readonly Choice<ThemeMode>[] = [
  { value: "system", label: "System", description: "Follows your device's light or dark setting, and changes with it.", preview: preview("system") },
  { value: "light", label: "Light", description: "Always light.", preview: preview("light") },
  { value: "dark", label: "Dark", description: "Always dark.", preview: preview("dark") },
];

function ThemePicker({ user }: { user: UserDto }) {
  const theme = useInstantSave<ThemeMode>(user.theme_mode ?? "system", (theme_mode) => ({ theme_mode }), { onSaved: announceSavedTheme });
  // The page shows what is being saved; when a save fails, this puts the saved theme back.
  useEffect(() => applyTheme(theme.value), [theme.value]);
  return (
    <ChoiceCards
      name="theme"
      legend="Theme"
      choices={THEME_CHOICES}
      value={theme.value}
      onChange={(mode) => {
        applyTheme(mode);
        theme.save(mode);
      }}
      state={theme.state}
      onRetry={theme.retry}
    />
  );
}

export function ThemeCard() {
  return (
    <UserSettingsCard id="appearance" title="Appearance" description="How the app looks on every page, on every device you sign in on.">
      {(user) => <ThemePicker user={user} />}
    </UserSettingsCard>
  );
}
