"use client";

import type { UserDto } from "@/lib/users/user-schema";
import { NotificationMapSwitch, NotificationSwitch } from "./notification-switch";
import { UserSettingsCard } from "./user-settings-card";

const ALL_OFF_REASON = "Turn on the weekly digest to choose projects.";

function ProjectDigests({ user }: { user: UserDto }) {
  const organization = user.organization;
  const teams = organization?.teams ?? [];
  const allOff = user.notification_settings.all_weekly_digest_disabled;
  return (
    <fieldset className="setting-group">
      <legend className="setting-group__legend">Projects in the digest{organization ? ` (${organization.name})` : ""}</legend>
      {teams.length === 0 ? <p className="muted">Your current organization has no projects.</p> : null}
      {teams.map((team) => (
        <NotificationMapSwitch
          key={team.id}
          id={`pref-digest-project-${team.id}`}
          label={team.name}
          user={user}
          setting="project_weekly_digest_disabled"
          entryId={String(team.id)}
          disabledReason={allOff ? ALL_OFF_REASON : undefined}
        />
      ))}
    </fieldset>
  );
}

export function WeeklyDigestsCard() {
  return (
    <UserSettingsCard id="weekly-digests" title="Weekly digests" description="Summaries we email you once a week.">
      {(user) => (
        <>
          <NotificationSwitch
            id="pref-digest-all"
            label="Email me the weekly digest"
            description="A summary of what happened in your projects. Turning this off stops it for every project."
            user={user}
            setting="all_weekly_digest_disabled"
            optsOut
          />
          <ProjectDigests user={user} />
          <NotificationSwitch
            id="pref-digest-error-tracking"
            label="Email me the error tracking digest"
            description="New and trending issues from the past week."
            user={user}
            setting="error_tracking_weekly_digest"
          />
          <NotificationSwitch
            id="pref-digest-web-analytics"
            label="Email me the web analytics digest"
            description="Visitors, top pages and sources from the past week."
            user={user}
            setting="web_analytics_weekly_digest"
          />
        </>
      )}
    </UserSettingsCard>
  );
}
