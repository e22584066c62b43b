"use client";

import { useId, type ReactNode } from "react";
import { SaveStatus } from "@/components/ui/save-status";
import type { SaveState } from "@/lib/client/use-instant-save";

interface SelectSettingProps {
  label: string;
  help: string;
  value: string;
  onChange: (value: string) => void;
  state: SaveState;
  onRetry: () => void;
  /** The `<option>`s. */
  children: ReactNode;
}

/** A labelled select that saves the moment it changes, with its help and save status beside it. */
export function SelectSetting({ label, help, value, onChange, state, onRetry, children }: SelectSettingProps) {
  const id = useId();
  return (
    <div className="field scene-default">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <p className="field__help" id={`${id}-help`}>
        {help}
      </p>
      <div className="scene-default__control">
        <select id={id} className="input scene-default__select" value={value} aria-describedby={`${id}-help ${id}-status`} onChange={(event) => onChange(event.target.value)}>
          {children}
        </select>
        <SaveStatus id={`${id}-status`} state={state} onRetry={onRetry} />
      </div>
    </div>
  );
}
