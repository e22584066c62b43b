"use client";

import { LocalDate } from "@/components/ui/local-date";
import type { UserDto } from "@/lib/users/user-schema";

const SIGN_IN_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

export function fullName(user: Pick<UserDto, "first_name" | "last_name">): string {
  return `${user.first_name} ${user.last_name}`.trim();
}

export function AdminUserFlag({ on, label, accent }: { on: boolean; label: string; accent?: boolean }) {
  if (!on) return <span className="muted">No</span>;
  return <span className={accent ? "badge badge--accent" : "badge badge--success"}>{label}</span>;
}

export function LastSignIn({ value }: { value: string | null | undefined }) {
  if (!value) return <span aria-label="Never">—</span>;
  return <LocalDate value={value} options={SIGN_IN_FORMAT} />;
}
