"use client";

import { useEffect, useRef, useState } from "react";
import type { ApiClientError } from "./api-client";
import { useUpdateMe, type UserPatchInput } from "./use-me";

/** "Saved" stays this long, then the status goes quiet. */
const SAVED_VISIBLE_MS = 2000;

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "failed"; message: string; retryable: boolean };

export interface InstantSave<T> {
  /** The value to show: the one being saved while a save is under way, else the server's. */
  value: T;
  state: SaveState;
  save: (value: T) => void;
  /** Sends the value that failed again. */
  retry: () => void;
}

function failureMessage(error: ApiClientError): { message: string; retryable: boolean } {
  if (error.status === 429) return { message: "Couldn't save: too many changes at once. Try again in a moment.", retryable: true };
  if (error.isRetryable) return { message: "Couldn't save — try again.", retryable: true };
  return { message: `Couldn't save: ${error.body.detail}`, retryable: false };
}

/**
 * A control that saves the moment it changes (a switch, a radio group, a select): PATCHes only its
 * own key, shows the new value at once, and on failure goes back to the server's value with a
 * message. The cached user becomes the PATCH's answer (see `useUpdateMe`).
 */
export function useInstantSave<T>(serverValue: T, toPatch: (value: T) => UserPatchInput, options: { onSaved?: (value: T) => void } = {}): InstantSave<T> {
  const updateMe = useUpdateMe();
  const [pending, setPending] = useState<{ value: T } | null>(null);
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const failedValue = useRef<{ value: T } | null>(null);
  // Only the latest change speaks: an earlier answer arriving late must not overwrite its status.
  const latest = useRef(0);
  const quietTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // One request at a time per control, so answers (each one becomes the cached user) arrive in click order.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => () => {
    if (quietTimer.current) clearTimeout(quietTimer.current);
  }, []);

  function save(value: T) {
    const attempt = ++latest.current;
    if (quietTimer.current) clearTimeout(quietTimer.current);
    failedValue.current = null;
    setPending({ value });
    setState({ kind: "saving" });
    const patch = toPatch(value);
    const request = queue.current.catch(() => undefined).then(() => updateMe.mutateAsync(patch));
    queue.current = request;
    request.then(
      () => {
        if (attempt !== latest.current) return;
        options.onSaved?.(value);
        setPending(null);
        setState({ kind: "saved" });
        quietTimer.current = setTimeout(() => setState({ kind: "idle" }), SAVED_VISIBLE_MS);
      },
      (error: ApiClientError) => {
        if (attempt !== latest.current) return;
        setPending(null);
        // The query client sends a 401 to the sign-in page.
        if (error.status === 401) return setState({ kind: "idle" });
        failedValue.current = { value };
        setState({ kind: "failed", ...failureMessage(error) });
      },
    );
  }

  function retry() {
    if (failedValue.current) save(failedValue.current.value);
  }

  return { value: pending ? pending.value : serverValue, state, save, retry };
}
