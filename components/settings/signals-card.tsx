"use client";

import { useId, useState, type FormEvent } from "react";
import { SaveStatus } from "@/components/ui/save-status";
import type { ApiClientError } from "@/lib/client/api-client";
import type { SaveState } from "@/lib/client/use-instant-save";
import { useMySignalAutonomy, useOptOutOfSignalAutonomy, useSaveSignalAutonomy, type SignalAutonomyChange } from "@/lib/client/use-signal-autonomy";
import { SIGNAL_PRIORITIES, slackChannelProblem, type SignalPriority } from "@/lib/signals/rules";
import type { SignalAutonomyDto } from "@/lib/signals/schemas";
import { SettingSwitch } from "./setting-switch";
import { SelectSetting } from "./select-setting";
import { SettingsCard } from "./settings-card";

const PRIORITY_NAMES: Record<SignalPriority, string> = { P0: "P0 · critical", P1: "P1 · high", P2: "P2 · medium", P3: "P3 · low", P4: "P4 · lowest" };

function failed(error: ApiClientError): SaveState {
  return error.isRetryable
    ? { kind: "failed", message: "Couldn't save — try again.", retryable: true }
    : { kind: "failed", message: `Couldn't save: ${error.body.detail}`, retryable: false };
}

/** One save at a time per control, with its own status and Retry. */
function useSignalSave() {
  const save = useSaveSignalAutonomy();
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [last, setLast] = useState<SignalAutonomyChange | null>(null);
  function send(change: SignalAutonomyChange) {
    setLast(change);
    setState({ kind: "saving" });
    save.mutate(change, { onSuccess: () => setState({ kind: "saved" }), onError: (error) => setState(failed(error)) });
  }
  return { state, send, retry: () => last && send(last), pending: save.isPending ? save.variables : undefined };
}

function PrioritySelect({ label, help, emptyLabel, field, config }: { label: string; help: string; emptyLabel: string; field: "autostart_priority" | "slack_notification_min_priority"; config: SignalAutonomyDto }) {
  const { state, send, retry, pending } = useSignalSave();
  const shown = pending && field in pending ? pending[field] : config[field];
  return (
    <SelectSetting label={label} help={help} value={shown ?? ""} onChange={(value) => send({ [field]: value === "" ? null : (value as SignalPriority) })} state={state} onRetry={retry}>
      <option value="">{emptyLabel}</option>
      {SIGNAL_PRIORITIES.map((priority) => (
        <option key={priority} value={priority}>
          {PRIORITY_NAMES[priority]}
        </option>
      ))}
    </SelectSetting>
  );
}

function SlackChannelField({ config }: { config: SignalAutonomyDto }) {
  const id = useId();
  const { state, send, retry } = useSignalSave();
  const [draft, setDraft] = useState(config.slack_notification_channel ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const serverProblem = state.kind === "failed" && !state.retryable ? state.message : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const channel = draft.trim();
    const found = channel === "" ? null : slackChannelProblem(channel);
    setProblem(found);
    if (!found) send({ slack_notification_channel: channel === "" ? null : channel });
  }

  const error = problem ?? serverProblem;
  return (
    <form className="field" noValidate onSubmit={submit}>
      <label className="field__label" htmlFor={id}>
        Slack channel
      </label>
      <p className="field__help" id={`${id}-help`}>
        A channel id like C0123ABCD, a name like #alerts, or both as C0123ABCD|#alerts. Leave it empty for no Slack notifications.
      </p>
      <div className="scene-default__control">
        <input
          id={id}
          className="input scene-default__select"
          value={draft}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help ${id}-error ${id}-status`}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button button--secondary" disabled={state.kind === "saving"}>
          Save channel
        </button>
        <SaveStatus id={`${id}-status`} state={error ? { kind: "idle" } : state} onRetry={retry} />
      </div>
      <p className="field__error" id={`${id}-error`} role={error ? "alert" : undefined}>
        {error}
      </p>
    </form>
  );
}

/** Opt in to signal autonomy; then when signals start on their own and where Slack hears of them. */
export function SignalsCard() {
  const { data: config } = useMySignalAutonomy();
  const save = useSaveSignalAutonomy();
  const optOut = useOptOutOfSignalAutonomy();
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const optedIn = config !== null && config !== undefined;
  const pendingOptIn = save.isPending && save.variables && Object.keys(save.variables).length === 0;
  const shownOn = optOut.isPending ? false : pendingOptIn ? true : optedIn;

  function toggle(on: boolean) {
    setState({ kind: "saving" });
    const done = { onSuccess: () => setState({ kind: "saved" }), onError: (error: ApiClientError) => setState(failed(error)) };
    if (on) save.mutate({}, done);
    else optOut.mutate(undefined, done);
  }

  return (
    <SettingsCard id="signals" title="Signals" description="Let signals start work on their own, and hear about them in Slack.">
      <SettingSwitch
        id="signals-opt-in"
        label="Signal autonomy"
        description="Signals at or above your chosen priority start on their own instead of waiting for you."
        checked={shownOn}
        onChange={toggle}
        state={state}
        onRetry={() => toggle(!optedIn)}
      />
      {optedIn ? (
        <div className="scene-defaults">
          <PrioritySelect
            field="autostart_priority"
            label="Start on their own from"
            help="The lowest priority that starts without you (P0 is the most urgent)."
            emptyLabel="The project's default"
            config={config}
          />
          <PrioritySelect field="slack_notification_min_priority" label="Notify in Slack from" help="Slack hears of signals at this priority or above." emptyLabel="Every priority" config={config} />
          <SlackChannelField key={config.id} config={config} />
        </div>
      ) : null}
    </SettingsCard>
  );
}
