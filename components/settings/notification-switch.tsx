"use client";

import type { ReactNode } from "react";
import type { NOTIFICATION_MAP_KEYS, NotificationSettings } from "@/lib/users/notification-settings";
import { PreferenceSwitch } from "./preference-switch";
import type { UserDto } from "@/lib/users/user-schema";

type FlagKey = { [K in keyof NotificationSettings]: NotificationSettings[K] extends boolean ? K : never }[keyof NotificationSettings];
type MapKey = (typeof NOTIFICATION_MAP_KEYS)[number];

interface CommonProps {
  id: string;
  label: string;
  description?: ReactNode;
  user: UserDto;
  disabledReason?: string;
}

/**
 * One notification flag. Keys named "…_disabled" that switch an email off are shown the other way
 * round (`opts_out`), so every switch reads "on = you get the email". Only this key is sent; the server merges.
 */
export function NotificationSwitch({ setting, optsOut = false, ...props }: CommonProps & { setting: FlagKey; optsOut?: boolean }) {
  return (
    <PreferenceSwitch
      {...props}
      read={(user) => user.notification_settings[setting] !== optsOut}
      write={(on) => ({ notification_settings: { [setting]: on !== optsOut } })}
    />
  );
}

/** One entry of a per-project or per-organization opt-out map (`{id: true}` = no email); only that entry is sent. */
export function NotificationMapSwitch({ setting, entryId, ...props }: CommonProps & { setting: MapKey; entryId: string }) {
  return (
    <PreferenceSwitch
      {...props}
      read={(user) => user.notification_settings[setting][entryId] !== true}
      write={(on) => ({ notification_settings: { [setting]: { [entryId]: !on } } })}
    />
  );
}
