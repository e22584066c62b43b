"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useAnnounce } from "@/components/ui/announcer";
import { useMe, useUpdateMe, type UserPatchInput } from "@/lib/client/use-me";

type Switch = Pick<UserPatchInput, "set_current_organization" | "set_current_team">;

interface PickerProps {
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; name: string }>;
  disabled: boolean;
  onChange: (value: string) => void;
}

/** A select when there is a choice; the name alone when there is none. */
function Picker({ label, value, options, disabled, onChange }: PickerProps) {
  const id = useId();
  const current = options.find((option) => option.value === value);
  if (options.length < 2) {
    return (
      <span className="context-switcher__name">
        <span className="visually-hidden">{label}: </span>
        {current?.name ?? `No ${label.toLowerCase()}`}
      </span>
    );
  }
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="context-switcher__select" value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
        {current ? null : <option value={value}>No {label.toLowerCase()}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.name}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * The current organization and project, switchable from every page. The page re-renders on the
 * server afterwards, since what it shows (such as a project's dashboards) can depend on them.
 */
export function ContextSwitcher() {
  const { data: me } = useMe();
  const update = useUpdateMe();
  const router = useRouter();
  const announce = useAnnounce();
  const [failure, setFailure] = useState<string | null>(null);
  if (!me || me.organizations.length === 0) return null;

  const pending = update.isPending ? update.variables : undefined;
  const teams = me.organization?.teams ?? [];

  function switchTo(patch: Switch, what: "organization" | "project") {
    setFailure(null);
    update.mutate(patch, {
      onSuccess: (user) => {
        announce(`Switched to ${what === "organization" ? user.organization?.name : user.team?.name}.`);
        router.refresh();
      },
      onError: (error) => setFailure(`Couldn't switch ${what}: ${error.message}`),
    });
  }

  return (
    <div className="context-switcher" role="group" aria-label="Current organization and project" aria-busy={update.isPending || undefined}>
      <Picker
        label="Organization"
        value={pending?.set_current_organization ?? me.organization?.id ?? ""}
        options={me.organizations.map((organization) => ({ value: organization.id, name: organization.name }))}
        disabled={update.isPending}
        onChange={(value) => switchTo({ set_current_organization: value }, "organization")}
      />
      {teams.length > 0 ? (
        <>
          <span className="context-switcher__separator" aria-hidden="true">
            /
          </span>
          <Picker
            label="Project"
            value={String(pending?.set_current_team ?? me.team?.id ?? "")}
            options={teams.map((team) => ({ value: String(team.id), name: team.name }))}
            disabled={update.isPending}
            onChange={(value) => switchTo({ set_current_team: Number(value) }, "project")}
          />
        </>
      ) : null}
      {failure ? (
        <span className="context-switcher__error" role="alert">
          {failure}
        </span>
      ) : null}
    </div>
  );
}
