"use client";

import type { ReactNode } from "react";
import { SaveStatus } from "@/components/ui/save-status";
import type { SaveState } from "@/lib/client/use-instant-save";

export interface SettingSwitchProps {
  id: string;
  label: string;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  state: SaveState;
  onRetry: () => void;
  /** Shown as visible text: a switch that cannot change says why. */
  disabledReason?: string;
}

/** One setting row: title and explanation on the left, the switch and its save status on the right. */
export function SettingSwitch({ id, label, description, checked, onChange, state, onRetry, disabledReason }: SettingSwitchProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const reasonId = disabledReason ? `${id}-reason` : undefined;
  const statusId = `${id}-status`;
  return (
    <div className="setting-row" data-disabled={disabledReason ? "true" : undefined}>
      <div className="setting-row__text">
        <label className="setting-row__label" htmlFor={id}>
          {label}
        </label>
        {description ? (
          <p className="setting-row__description" id={descriptionId}>
            {description}
          </p>
        ) : null}
        {disabledReason ? (
          <p className="setting-row__reason" id={reasonId}>
            {disabledReason}
          </p>
        ) : null}
      </div>
      <div className="setting-row__control">
        <SaveStatus id={statusId} state={state} onRetry={onRetry} />
        <input
          id={id}
          type="checkbox"
          role="switch"
          className="switch"
          checked={checked}
          disabled={disabledReason !== undefined}
          aria-describedby={[descriptionId, reasonId, statusId].filter(Boolean).join(" ")}
          onChange={(event) => onChange(event.target.checked)}
        />
      </div>
    </div>
  );
}
