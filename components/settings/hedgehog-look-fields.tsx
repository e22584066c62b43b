"use client";

import type { ReactNode } from "react";
import { Icon } from "@/components/ui/icon";
import { ACCESSORY_SLOTS, OFFERED_COLORS, SKIN_CHOICES, type AccessorySlot } from "@/lib/hedgehog/choices";
import { accessoryIn, withAccessory } from "@/lib/hedgehog/draft";
import type { HedgehogAccessory, HedgehogColor, HedgehogLook, HedgehogSkin } from "@/lib/hedgehog/look";

const SKIN_LABELS: Record<HedgehogSkin, string> = {
  default: "Classic",
  spiderhog: "Spiderhog",
  robohog: "Robohog",
  hogzilla: "Hogzilla",
  ghost: "Ghost",
};

const COLOR_LABELS: Record<HedgehogColor, string> = {
  green: "Green",
  red: "Red",
  blue: "Blue",
  purple: "Purple",
  dark: "Dark",
  light: "Light",
  greyscale: "Greyscale",
  sepia: "Sepia",
  invert: "Invert",
  "invert-hue": "Invert hue",
  rainbow: "Rainbow",
};

const SLOT_LABELS: Record<AccessorySlot, string> = { headwear: "Headwear", eyewear: "Eyewear", other: "Other" };

function accessoryLabel(accessory: HedgehogAccessory): string {
  const words = accessory.replace("xmas-", "Christmas ").replace("-", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface ChoiceGroupProps<T extends string> {
  name: string;
  legend: string;
  options: readonly (T | null)[];
  value: T | null;
  labelOf: (option: T | null) => string;
  onChange: (option: T | null) => void;
  error?: string;
  swatch?: boolean;
}

/** A radio group whose choice is marked by a check and the label's weight, never by colour alone. */
function ChoiceGroup<T extends string>({ name, legend, options, value, labelOf, onChange, error, swatch }: ChoiceGroupProps<T>) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="choice-group" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="field__label">{legend}</legend>
      <div className="choice-group__options">
        {options.map((option) => {
          const id = `${name}-${option ?? "none"}`;
          return (
            <label key={id} className="choice" htmlFor={id}>
              <input id={id} type="radio" name={name} checked={value === option} onChange={() => onChange(option)} />
              {swatch ? <span className="choice__swatch" data-color={option ?? "none"} aria-hidden="true" /> : null}
              <span className="choice__label">{labelOf(option)}</span>
              <span className="choice__check" aria-hidden="true">
                <Icon name="check" size={14} />
              </span>
            </label>
          );
        })}
      </div>
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </fieldset>
  );
}

function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="field__error">
      <Icon name="alert" />
      {children}
    </p>
  );
}

export type LookErrors = Partial<Record<"skin" | "color" | "accessories", string>>;

interface HedgehogLookFieldsProps {
  look: HedgehogLook;
  onChange: (look: HedgehogLook) => void;
  errors: LookErrors;
}

/** Skin, colour filter and one accessory per slot, from the renderer's own lists. */
export function HedgehogLookFields({ look, onChange, errors }: HedgehogLookFieldsProps) {
  // A stored colour the renderer cannot draw stays choosable, so opening the page changes nothing.
  const colors: (HedgehogColor | null)[] = [null, ...OFFERED_COLORS, ...(look.color === "invert-hue" ? (["invert-hue"] as const) : [])];
  return (
    <div className="hedgehog-look">
      <ChoiceGroup<HedgehogSkin>
        name="hedgehog-skin"
        legend="Skin"
        options={SKIN_CHOICES}
        value={look.skin}
        labelOf={(skin) => SKIN_LABELS[skin ?? "default"]}
        onChange={(skin) => onChange({ ...look, skin: skin ?? "default" })}
        error={errors.skin}
      />
      <ChoiceGroup<HedgehogColor>
        name="hedgehog-color"
        legend="Colour"
        options={colors}
        value={look.color}
        labelOf={(color) => (color ? COLOR_LABELS[color] : "None")}
        onChange={(color) => onChange({ ...look, color })}
        error={errors.color}
        swatch
      />
      <div className="hedgehog-look__accessories">
        {(Object.keys(ACCESSORY_SLOTS) as AccessorySlot[]).map((slot) => (
          <ChoiceGroup<HedgehogAccessory>
            key={slot}
            name={`hedgehog-${slot}`}
            legend={SLOT_LABELS[slot]}
            options={[null, ...ACCESSORY_SLOTS[slot]]}
            value={accessoryIn(look.accessories, slot)}
            labelOf={(accessory) => (accessory ? accessoryLabel(accessory) : "None")}
            onChange={(accessory) => onChange({ ...look, accessories: withAccessory(look.accessories, slot, accessory) })}
          />
        ))}
        {errors.accessories ? <FieldError id="hedgehog-accessories-error">{errors.accessories}</FieldError> : null}
      </div>
    </div>
  );
}
