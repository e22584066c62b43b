"use client";

import type { UserDto } from "@/lib/users/user-schema";
import { ErrorThresholdField } from "./error-threshold-field";
import { NotificationMapSwitch, NotificationSwitch } from "./notification-switch";
import { UserSettingsCard } from "./user-settings-card";

function MemberJoinEmails({ user }: { user: UserDto }) {
  if (user.organizations.length === 0) return null;
  return (
    <fieldset className="setting-group">
      <legend className="setting-group__legend">When someone joins an organization</legend>
      {user.organizations.map((organization) => (
        <NotificationMapSwitch
          key={organization.id}
          id={`pref-member-join-${organization.id}`}
          label={`Email me when someone joins ${organization.name}`}
          user={user}
          setting="organization_member_join_email_disabled"
          entryId={organization.id}
        />
      ))}
    </fieldset>
  );
}

export function NotificationsCard() {
  return (
    <UserSettingsCard id="notifications" title="Email notifications" description="Which events we email you about. Each switch saves at once.">
      {(user) => (
        <>
          <NotificationSwitch
            id="pref-notify-mentions"
            label="Email me when I'm mentioned"
            description="Someone mentions you in a discussion or comment."
            user={user}
            setting="discussions_mentioned"
          />
          <NotificationSwitch
            id="pref-notify-issue-assigned"
            label="Email me when an error tracking issue is assigned to me"
            description="Includes issues assigned to a role you hold."
            user={user}
            setting="error_tracking_issue_assigned"
          />
          <NotificationSwitch
            id="pref-notify-pipeline-disabled"
            label="Email me when a data pipeline destination is turned off"
            description="A destination or transformation that keeps failing is switched off automatically."
            user={user}
            setting="plugin_disabled"
          />
          <ErrorThresholdField user={user} />
          <NotificationSwitch
            id="pref-notify-materialized-view"
            label="Email me when a materialized view fails to sync"
            description="A saved query's stored results could not be refreshed."
            user={user}
            setting="materialized_view_sync_failed"
          />
          <NotificationSwitch
            id="pref-notify-api-key-exposed"
            label="Email me when a project API key is exposed"
            description="A key of one of your projects was found in public code. We recommend leaving this on."
            user={user}
            setting="project_api_key_exposed"
          />
          <MemberJoinEmails user={user} />
        </>
      )}
    </UserSettingsCard>
  );
}
