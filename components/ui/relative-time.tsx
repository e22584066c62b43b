"use client";

import { LocalDate, useHydrated } from "./local-date";

const EXACT: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "medium" };

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago", in the reader's language. */
export function relativeTimeText(iso: string, now: number): string {
  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (seconds > -60) return relative.format(0, "second");
  const minutes = Math.round(seconds / 60);
  if (minutes > -60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours > -24) return relative.format(hours, "hour");
  const days = Math.round(hours / 24);
  if (days > -30) return relative.format(days, "day");
  return relative.format(Math.round(days / 30), "month");
}

/**
 * A relative time with the exact one on hover (and for assistive technology). It needs the
 * reader's clock, so the server's first paint shows the exact time.
 */
export function RelativeTime({ value }: { value: string }) {
  const hydrated = useHydrated();
  if (!hydrated) return <LocalDate value={value} options={EXACT} />;
  const exact = new Intl.DateTimeFormat(undefined, EXACT).format(new Date(value));
  return (
    <time dateTime={value} title={exact}>
      {relativeTimeText(value, Date.now())}
    </time>
  );
}
