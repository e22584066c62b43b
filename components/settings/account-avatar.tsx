"use client";

import { HedgehogAvatar } from "@/components/hedgehog/hedgehog-avatar";
import { useMe } from "@/lib/client/use-me";
import { lookOf, usesHedgehogAsProfile } from "@/lib/hedgehog/look";
import type { UserDto } from "@/lib/users/user-schema";
import "./account-avatar.css";

const SIZE = 32;

function initials(user: Pick<UserDto, "first_name" | "last_name" | "email">): string {
  const letters = [user.first_name, user.last_name].map((part) => part.trim().charAt(0)).join("");
  return (letters || user.email.charAt(0)).toUpperCase();
}

/**
 * The signed-in person's picture in the header: their hedgehog when they use it as their profile
 * picture, otherwise initials. Read from the cached user, so saving the hedgehog page changes it at once;
 * the hedgehog renderer is fetched only for people who use it.
 */
export function AccountAvatar({ email }: { email: string }) {
  const { data: user } = useMe();
  if (user && usesHedgehogAsProfile(user.hedgehog_config)) {
    return (
      <span className="account-avatar" data-avatar="hedgehog">
        <HedgehogAvatar look={lookOf(user.hedgehog_config)} size={SIZE} />
      </span>
    );
  }
  return (
    <span className="account-avatar avatar" data-avatar="initials" aria-hidden="true">
      {initials(user ?? { first_name: "", last_name: "", email })}
    </span>
  );
}
