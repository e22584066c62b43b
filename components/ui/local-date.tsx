"use client";

import { useMemo, useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while rendering on the server and hydrating, true afterwards. Server HTML can't know the
 * reader's locale or time zone, and text that differs between the two fails hydration.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}

/** A date in the reader's locale; the server's first paint uses a fixed one, swapped after hydration. */
export function LocalDate({ value, options }: { value: string; options: Intl.DateTimeFormatOptions }) {
  const hydrated = useHydrated();
  const format = useMemo(
    () => (hydrated ? new Intl.DateTimeFormat(undefined, options) : new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" })),
    [hydrated, options],
  );
  return <time dateTime={value}>{format.format(new Date(value))}</time>;
}
