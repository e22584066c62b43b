"use client";

import type { ReactNode } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useMe } from "@/lib/client/use-me";
import type { UserDto } from "@/lib/users/user-schema";
import { SettingsCard } from "./settings-card";

interface UserSettingsCardProps {
  id: string;
  title: string;
  description?: ReactNode;
  children: (user: UserDto) => ReactNode;
}

/**
 * A card of settings read from the signed-in user. Pages arrive with the user already cached, so
 * the skeleton and the failure only show when that server read failed.
 */
export function UserSettingsCard({ id, title, description, children }: UserSettingsCardProps) {
  const me = useMe();
  if (me.data) {
    return (
      <SettingsCard id={id} title={title} description={description}>
        {children(me.data)}
      </SettingsCard>
    );
  }
  return (
    <SettingsCard id={id} title={title} description={description} busy={me.isPending}>
      {me.isError && me.error.status !== 401 ? (
        <FormAlert>
          <p>We couldn&apos;t load your settings. {me.error.isRetryable ? "Check your connection and try again." : me.error.body.detail}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => void me.refetch()}>
            Retry
          </button>
        </FormAlert>
      ) : (
        <div className="facts-skeleton">
          <span className="visually-hidden">Loading your settings…</span>
          <Skeleton width="50%" />
          <Skeleton width="70%" />
        </div>
      )}
    </SettingsCard>
  );
}
