"use client";

import type { ReactNode } from "react";
import { SaveStatus } from "@/components/ui/save-status";
import type { SaveState } from "@/lib/client/use-instant-save";

export interface Choice<T extends string> {
  value: T;
  label: string;
  description?: string;
  /** A small decorative drawing of the choice. */
  preview?: ReactNode;
}

interface ChoiceCardsProps<T extends string> {
  /** Names the radio group and prefixes the ids inside it. */
  name: string;
  legend: string;
  description?: ReactNode;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  state: SaveState;
  onRetry: () => void;
}

/**
 * A group of native radios drawn as cards: arrow keys move and select like any radio group, and
 * every change saves at once.
 */
export function ChoiceCards<T extends string>({ name, legend, description, choices, value, onChange, state, onRetry }: ChoiceCardsProps<T>) {
  const descriptionId = description ? `${name}-description` : undefined;
  const statusId = `${name}-status`;
  return (
    <fieldset className="choice-group" aria-describedby={[descriptionId, statusId].filter(Boolean).join(" ")}>
      <legend className="choice-group__legend">{legend}</legend>
      <div className="choice-group__header">
        {description ? (
          <p className="setting-row__description" id={descriptionId}>
            {description}
          </p>
        ) : null}
        <SaveStatus id={statusId} state={state} onRetry={onRetry} />
      </div>
      <div className="choice-group__options">
        {choices.map((choice) => {
          const id = `${name}-${choice.value}`;
          return (
            <label key={choice.value} className="choice-card" htmlFor={id}>
              <input
                id={id}
                type="radio"
                name={name}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
                // The card's label also wraps the description; the name is the title alone.
                aria-labelledby={`${id}-label`}
                aria-describedby={choice.description ? `${id}-description` : undefined}
              />
              {choice.preview}
              <span className="choice-card__label" id={`${id}-label`}>
                {choice.label}
              </span>
              {choice.description ? (
                <span className="choice-card__description" id={`${id}-description`}>
                  {choice.description}
                </span>
              ) : null}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
