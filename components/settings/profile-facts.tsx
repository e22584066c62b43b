"use client";

import { HedgehogAvatar } from "@/components/hedgehog/hedgehog-avatar";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalDate } from "@/components/ui/local-date";
import { Skeleton } from "@/components/ui/skeleton";
import { useMe } from "@/lib/client/use-me";
import { lookOf, usesHedgehogAsProfile } from "@/lib/hedgehog/look";
import type { UserDto } from "@/lib/users/user-schema";
import { SettingsCard } from "./settings-card";

const MEMBER_SINCE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: "long" };

function initials(user: UserDto): string {
  const letters = [user.first_name, user.last_name].map((part) => part.trim().charAt(0)).join("");
  return (letters || user.email.charAt(0)).toUpperCase();
}

export function ProfileFacts() {
  const me = useMe();

  if (!me.data) {
    return (
      <SettingsCard id="account" title="Account" busy={me.isPending}>
        {me.isPending ? (
          <div className="facts-skeleton">
            <span className="visually-hidden">Loading account details…</span>
            <Skeleton width="60%" />
            <Skeleton width="40%" />
            <Skeleton width="80%" />
          </div>
        ) : (
          <p className="muted">Account details are unavailable right now.</p>
        )}
      </SettingsCard>
    );
  }

  const user = me.data;

  return (
    <SettingsCard id="account" title="Account" description="Facts about your account that you can't edit here.">
      <div className="facts">
        {usesHedgehogAsProfile(user.hedgehog_config) ? (
          <HedgehogAvatar look={lookOf(user.hedgehog_config)} size={56} />
        ) : (
          <span className="avatar" aria-hidden="true">
            {initials(user)}
          </span>
        )}
        <dl className="facts__list">
          <div className="facts__row">
            <dt>Member since</dt>
            <dd className="facts__value">
              <LocalDate value={user.date_joined} options={MEMBER_SINCE_FORMAT} />
            </dd>
          </div>
          <div className="facts__row">
            <dt>User ID</dt>
            <dd className="facts__value">
              <code className="facts__code">{user.uuid}</code>
              <CopyButton value={user.uuid} label="Copy user ID" copiedMessage="User ID copied" />
            </dd>
          </div>
        </dl>
      </div>
    </SettingsCard>
  );
}
