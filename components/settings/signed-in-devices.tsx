"use client";

import { useState } from "react";
import { useAnnounce } from "@/components/ui/announcer";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { LoadState } from "@/components/ui/load-state";
import { LocalDate, useHydrated } from "@/components/ui/local-date";
import { relativeTimeText } from "@/components/ui/relative-time";
import type { ApiClientError } from "@/lib/client/api-client";
import { useMySessions, useSignOutDevice, useSignOutOtherDevices } from "@/lib/client/use-sessions";
import type { SessionDto } from "@/lib/sessions/session-schema";
import { SettingsCard } from "./settings-card";

const SIGNED_IN_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
const METHOD_LABELS: Record<SessionDto["sign_in_method"], string> = {
  password: "Password",
  totp: "Password and authenticator",
  backup_code: "Password and backup code",
  passkey: "Passkey",
  password_passkey: "Password and passkey",
};

/** Seen in the last two minutes counts as now: activity is recorded to the minute. */
function lastActiveText(iso: string, now: number): string {
  return now - new Date(iso).getTime() < 2 * 60_000 ? "Active now" : relativeTimeText(iso, now);
}

/** "5 minutes ago" needs the reader's clock: the server's first paint shows the time itself. */
function LastActive({ session }: { session: SessionDto }) {
  const hydrated = useHydrated();
  if (session.is_current) return <span>Active now</span>;
  if (!hydrated) return <LocalDate value={session.last_seen_at} options={SIGNED_IN_FORMAT} />;
  return <time dateTime={session.last_seen_at}>{lastActiveText(session.last_seen_at, Date.now())}</time>;
}

type Pending = { kind: "one"; session: SessionDto } | { kind: "others" } | null;

export function SignedInDevices() {
  const sessions = useMySessions();
  const signOutOne = useSignOutDevice();
  const signOutOthers = useSignOutOtherDevices();
  const announce = useAnnounce();
  const [pending, setPending] = useState<Pending>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const page = sessions.data;
  const others = page ? page.results.filter((session) => !session.is_current) : [];
  const busy = signOutOne.isPending || signOutOthers.isPending;

  function failed(error: ApiClientError) {
    setFailure(error.isRetryable ? "We couldn't sign that device out. Check your connection and try again." : error.body.detail);
    setPending(null);
  }

  function confirm() {
    setFailure(null);
    if (pending?.kind === "one") {
      signOutOne.mutate(pending.session.id, {
        onSuccess: () => {
          announce(`Signed out ${pending.session.device}`);
          setPending(null);
        },
        onError: failed,
      });
    } else if (pending?.kind === "others") {
      signOutOthers.mutate(undefined, {
        onSuccess: ({ revoked }) => {
          announce(revoked === 1 ? "Signed out 1 other device" : `Signed out ${revoked} other devices`);
          setPending(null);
        },
        onError: failed,
      });
    }
  }

  return (
    <SettingsCard
      id="signed-in-devices"
      title="Signed-in devices"
      description="Where your account is signed in right now. Sign out any device you don't recognise."
      busy={sessions.isPending}
    >
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      {!page ? <LoadState pending={sessions.isPending} what="your devices" onRetry={() => void sessions.refetch()} /> : (
        <>
          <ul className="device-list" aria-label="Signed-in devices">
            {page.results.map((session) => (
              <DeviceRow key={session.id} session={session} disabled={busy} onSignOut={() => setPending({ kind: "one", session })} />
            ))}
          </ul>
          {page.count > page.results.length ? (
            <p className="muted">And {page.count - page.results.length} older sessions not shown.</p>
          ) : null}
          <div className="form__actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={others.length === 0 || busy}
              aria-describedby={others.length === 0 ? "no-other-devices" : undefined}
              onClick={() => setPending({ kind: "others" })}
            >
              Sign out everywhere else
            </button>
            {others.length === 0 ? (
              <span className="field__help" id="no-other-devices">
                This is the only device signed in.
              </span>
            ) : null}
          </div>
        </>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={pending?.kind === "one" ? `Sign out ${pending.session.device}?` : "Sign out everywhere else?"}
        confirmLabel={pending?.kind === "one" ? "Sign out device" : "Sign out other devices"}
        busyLabel="Signing out…"
        busy={busy}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending?.kind === "one" ? (
          <p>
            Its next request will be refused, and whoever uses it will have to sign in again. This device stays signed in.
          </p>
        ) : (
          <p>
            Every other device ({others.length}) will have to sign in again. This device stays signed in.
          </p>
        )}
      </ConfirmDialog>
    </SettingsCard>
  );
}

function DeviceRow({ session, disabled, onSignOut }: { session: SessionDto; disabled: boolean; onSignOut: () => void }) {
  return (
    <li className="device" id={`session-${session.id}`} tabIndex={-1} data-current={session.is_current || undefined}>
      <div className="device__main">
        <p className="device__name">
          {session.device}
          {session.is_current ? <span className="badge badge--accent">This device</span> : null}
          {session.is_new_location && !session.is_current ? <span className="badge badge--warning">New</span> : null}
        </p>
        <p className="device__meta" id={`device-${session.id}`}>
          {session.ip ?? "Unknown address"} · {METHOD_LABELS[session.sign_in_method]} · signed in{" "}
          <LocalDate value={session.created_at} options={SIGNED_IN_FORMAT} /> · <LastActive session={session} />
        </p>
      </div>
      {session.is_current ? null : (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={onSignOut}
          disabled={disabled}
          aria-label={`Sign out ${session.device}`}
          aria-describedby={`device-${session.id}`}
        >
          Sign out
        </button>
      )}
    </li>
  );
}
