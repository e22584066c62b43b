"use client";

import type { ReactNode } from "react";
import { useInstantSave } from "@/lib/client/use-instant-save";
import type { UserPatchInput } from "@/lib/client/use-me";
import type { UserDto } from "@/lib/users/user-schema";
import { SettingSwitch } from "./setting-switch";

export interface PreferenceSwitchProps {
  id: string;
  label: string;
  description?: ReactNode;
  user: UserDto;
  /** Whether the switch is on for this user; worded positively, whatever the field stores. */
  read: (user: UserDto) => boolean;
  /** The PATCH for a new position: only this setting's key. */
  write: (on: boolean) => UserPatchInput;
  disabledReason?: string;
}

/** A switch bound to one field of the signed-in user, saved the moment it flips. */
export function PreferenceSwitch({ id, label, description, user, read, write, disabledReason }: PreferenceSwitchProps) {
  const setting = useInstantSave(read(user), write);
  return (
    <SettingSwitch
      id={id}
      label={label}
      description={description}
      checked={setting.value}
      onChange={setting.save}
      state={setting.state}
      onRetry={setting.retry}
      disabledReason={disabledReason}
    />
  );
}
