"use client";

import { useState, type FormEvent } from "react";
import { useAnnounce } from "@/components/ui/announcer";
import { FormAlert } from "@/components/ui/form-alert";
import { LoadState } from "@/components/ui/load-state";
import type { ApiClientError } from "@/lib/client/api-client";
import { useHedgehogConfig, useSaveHedgehogConfig } from "@/lib/client/use-hedgehog-config";
import { usePrefersReducedMotion } from "@/lib/client/use-reduced-motion";
import { useUnsavedChangesGuard } from "@/lib/client/use-unsaved-changes-guard";
import { defaultDraft, randomLook, sameDraft, toDraft, type HedgehogDraft } from "@/lib/hedgehog/draft";
import { HedgehogLookFields, type LookErrors } from "./hedgehog-look-fields";
import { HedgehogPreview } from "./hedgehog-preview";
import { SettingsCard } from "./settings-card";
import "./hedgehog-settings.css";

type FlagKey = "enabled" | "use_as_profile" | "party_mode_enabled";
type BehaviourKey = "ai_enabled" | "interactions_enabled" | "controls_enabled";
type FieldKey = FlagKey | BehaviourKey | keyof LookErrors;

const FIELD_KEYS: readonly FieldKey[] = [
  "enabled", "use_as_profile", "party_mode_enabled", "ai_enabled", "interactions_enabled", "controls_enabled", "skin", "color", "accessories",
];

/** `hedgehog_config__actor_options__color` (or `actor_options__color`) → `color`. */
function fieldOf(attr: string | null | undefined): FieldKey | null {
  const last = attr?.split("__").at(-1);
  return FIELD_KEYS.find((key) => key === last) ?? null;
}

interface SaveFailure {
  message: string;
  field: FieldKey | null;
}

function failureFor(error: ApiClientError): SaveFailure {
  if (error.status === 400) return { message: error.body.detail, field: fieldOf(error.body.attr) };
  if (error.status === 429) return { message: "Too many saves in a short time. Try again in a moment.", field: null };
  if (error.isRetryable) return { message: "We couldn't save your hedgehog. Your choices are still here; try again.", field: null };
  return { message: error.body.detail, field: null };
}

interface SwitchProps {
  id: string;
  label: string;
  help: string;
  checked: boolean;
  disabled?: boolean;
  error?: string;
  onChange: (checked: boolean) => void;
}

function Switch({ id, label, help, checked, disabled, error, onChange }: SwitchProps) {
  const describedBy = [`${id}-help`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="hedgehog-switch">
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={checked}
          disabled={disabled}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>{label}</span>
      </label>
      <p id={`${id}-help`} className="field__help">
        {help}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The hedgehog editor: a local draft drawn live by the preview, saved as one whole config with
 * Save (Reset drops the draft). One save per decision keeps half-picked looks out of the avatar
 * and a failed save visible next to the choices it concerns.
 */
export function HedgehogSettings() {
  const config = useHedgehogConfig();
  const save = useSaveHedgehogConfig();
  const announce = useAnnounce();
  const reducedMotion = usePrefersReducedMotion();
  const [edits, setEdits] = useState<HedgehogDraft | null>(null);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [saved, setSaved] = useState(false);

  const stored = config.data ? toDraft(config.data, reducedMotion) : null;
  const draft = edits ?? stored;
  const dirty = edits !== null && stored !== null && !sameDraft(edits, stored);
  useUnsavedChangesGuard(dirty);

  if (!draft || !stored) {
    return (
      <SettingsCard id="hedgehog" title="Your hedgehog" busy={config.isPending}>
        <LoadState pending={config.isPending} what="your hedgehog" onRetry={() => void config.refetch()} />
      </SettingsCard>
    );
  }

  function update(next: HedgehogDraft) {
    setEdits(next);
    setSaved(false);
  }

  function updateActor(changes: Partial<HedgehogDraft["actor_options"]>) {
    if (draft) update({ ...draft, actor_options: { ...draft.actor_options, ...changes } });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft || !dirty || save.isPending) return;
    setFailure(null);
    save.mutate(draft, {
      onSuccess: () => {
        setEdits(null);
        setSaved(true);
        announce("Hedgehog saved");
      },
      onError: (error) => {
        if (error.status !== 401) setFailure(failureFor(error));
      },
    });
  }

  function onReset() {
    setEdits(null);
    setFailure(null);
  }

  const errorFor = (field: FieldKey) => (failure?.field === field ? failure.message : undefined);
  const actor = draft.actor_options;
  const status = save.isPending ? "Saving…" : dirty ? "You have unsaved changes." : saved ? "All changes saved." : "No changes yet";

  return (
    <SettingsCard id="hedgehog" title="Your hedgehog" description="PostHog's hedgehog: how it looks, what it does and where it appears.">
      <form className="hedgehog-settings" noValidate onSubmit={onSubmit}>
        <div className="hedgehog-settings__controls">
          <fieldset className="hedgehog-settings__group">
            <legend className="field__label">Hedgehog mode</legend>
            <Switch
              id="hedgehog-enabled"
              label="Enable hedgehog mode"
              help="Your hedgehog keeps you company across the app."
              checked={draft.enabled}
              error={errorFor("enabled")}
              onChange={(enabled) => update({ ...draft, enabled })}
            />
            <Switch
              id="hedgehog-use-as-profile"
              label="Use as my profile picture"
              help="Shows your hedgehog instead of your initials next to your email."
              checked={draft.use_as_profile}
              error={errorFor("use_as_profile")}
              onChange={(use_as_profile) => update({ ...draft, use_as_profile })}
            />
          </fieldset>
          <fieldset className="hedgehog-settings__group">
            <legend className="field__label">Behaviour</legend>
            <Switch
              id="hedgehog-walking"
              label="Walk around"
              help={
                reducedMotion && !actor.ai_enabled
                  ? "Off by default because your device asks for reduced motion."
                  : "It wanders about on its own."
              }
              checked={actor.ai_enabled}
              error={errorFor("ai_enabled")}
              onChange={(ai_enabled) => updateActor({ ai_enabled })}
            />
            <Switch
              id="hedgehog-interactions"
              label="Land on page elements"
              help="It jumps onto cards and buttons and you can drag it around."
              checked={actor.interactions_enabled}
              error={errorFor("interactions_enabled")}
              onChange={(interactions_enabled) => updateActor({ interactions_enabled })}
            />
            <Switch
              id="hedgehog-controls"
              label="Keyboard control"
              help="Arrow keys and space move it. Off by default: single keys would reach it while you type."
              checked={actor.controls_enabled}
              error={errorFor("controls_enabled")}
              onChange={(controls_enabled) => updateActor({ controls_enabled })}
            />
            <Switch
              id="hedgehog-party-mode"
              label="Party mode"
              help="Your teammates' hedgehogs join yours."
              checked={draft.party_mode_enabled}
              error={errorFor("party_mode_enabled")}
              onChange={(party_mode_enabled) => update({ ...draft, party_mode_enabled })}
            />
          </fieldset>
          <HedgehogLookFields
            look={actor}
            onChange={(look) => updateActor(look)}
            errors={{ skin: errorFor("skin"), color: errorFor("color"), accessories: errorFor("accessories") }}
          />
          <div className="hedgehog-settings__extras">
            <button type="button" className="button button--ghost button--small" onClick={() => updateActor(randomLook())}>
              Randomize look
            </button>
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => update({ ...defaultDraft(reducedMotion), actor_options: { ...defaultDraft(reducedMotion).actor_options, id: actor.id } })}
            >
              Reset to defaults
            </button>
          </div>
          <FormAlert>{failure && failure.field === null ? <p>{failure.message}</p> : null}</FormAlert>
          <div className="form__actions">
            <button type="submit" className="button button--primary" aria-disabled={!dirty || save.isPending} aria-describedby="hedgehog-save-status">
              Save
            </button>
            <button type="button" className="button button--secondary" disabled={!dirty} onClick={onReset}>
              Reset
            </button>
            <span id="hedgehog-save-status" className="form__status" role="status">
              {failure ? "Not saved." : status}
            </span>
          </div>
        </div>
        <HedgehogPreview draft={draft} />
      </form>
    </SettingsCard>
  );
}
