"use client";

import { SaveStatus } from "@/components/ui/save-status";
import { useInstantSave } from "@/lib/client/use-instant-save";
import { ROLES_AT_ORGANIZATION } from "@/lib/users/limits";
import type { UserDto } from "@/lib/users/user-schema";
import { UserSettingsCard } from "./user-settings-card";

type Role = (typeof ROLES_AT_ORGANIZATION)[number];

const ROLE_LABELS: Record<Role, string> = {
  engineering: "Engineering",
  data: "Data",
  product: "Product management",
  founder: "Founder",
  leadership: "Leadership",
  marketing: "Marketing",
  sales: "Sales or success",
  other: "Other",
};

const UNSET = "";

function RoleSelect({ user }: { user: UserDto }) {
  const role = useInstantSave<Role | null>(user.role_at_organization, (value) => ({ role_at_organization: value ?? undefined }));
  return (
    <div className="setting-row">
      <div className="setting-row__text">
        <label className="setting-row__label" htmlFor="pref-role">
          Your role
        </label>
        <p className="setting-row__description" id="pref-role-description">
          Helps us suggest the features and templates that fit your work. A role can be changed, not removed.
        </p>
      </div>
      <div className="setting-row__control">
        <SaveStatus id="pref-role-status" state={role.state} onRetry={role.retry} />
        <select
          id="pref-role"
          className="input select"
          value={role.value ?? UNSET}
          aria-describedby="pref-role-description pref-role-status"
          onChange={(event) => role.save(event.target.value as Role)}
        >
          {/* The API stores no empty role, so "Not set" is only ever the starting point. */}
          {role.value === null ? (
            <option value={UNSET} disabled>
              Not set
            </option>
          ) : null}
          {ROLES_AT_ORGANIZATION.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function RoleCard() {
  return (
    <UserSettingsCard id="role" title="About your work">
      {(user) => <RoleSelect user={user} />}
    </UserSettingsCard>
  );
}
