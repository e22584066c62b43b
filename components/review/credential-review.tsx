"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiKeyList } from "@/components/settings/api-key-list";
import { PasskeyFacts } from "@/components/settings/passkey-facts";
import { useAnnounce } from "@/components/ui/announcer";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { LoadState } from "@/components/ui/load-state";
import { useApiKeys, useCompleteCredentialReview, useRevokeApiKey, type PersonalApiKey } from "@/lib/client/use-api-keys";
import { useMyPasskeys, useRemovePasskey } from "@/lib/client/use-passkeys";
import type { PasskeyDto } from "@/lib/passkeys/schemas";

const AFTER_REVIEW = "/settings/profile";

/** Passkeys sign in as the user without a password: part of what can act as them. */
function PasskeyReview({ onFailure }: { onFailure: (message: string | null) => void }) {
  const passkeys = useMyPasskeys();
  const remove = useRemovePasskey();
  const announce = useAnnounce();
  const [pending, setPending] = useState<PasskeyDto | null>(null);
  const list = passkeys.data?.results ?? null;

  function confirmRemove() {
    if (!pending) return;
    const passkey = pending;
    onFailure(null);
    remove.mutate(passkey.id, {
      onSuccess: () => {
        announce(`Removed the passkey ${passkey.name}.`);
        setPending(null);
      },
      onError: (error) => {
        onFailure(error.isRetryable ? "We couldn't remove that passkey. Check your connection and try again." : error.body.detail);
        setPending(null);
      },
    });
  }

  return (
    <section aria-labelledby="review-passkeys" aria-busy={passkeys.isPending || undefined}>
      <h2 id="review-passkeys">Passkeys</h2>
      {list === null ? (
        <LoadState pending={passkeys.isPending} what="your passkeys" onRetry={() => void passkeys.refetch()} />
      ) : list.length === 0 ? (
        <p className="muted">You have no passkeys.</p>
      ) : (
        <ul className="device-list" aria-label="Passkeys">
          {list.map((passkey) => (
            <li key={passkey.id} className="device">
              <PasskeyFacts passkey={passkey} factsId={`review-passkey-${passkey.id}`} />
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={remove.isPending}
                aria-label={`Remove ${passkey.name}`}
                aria-describedby={`review-passkey-${passkey.id}`}
                onClick={() => setPending(passkey)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? `Remove ${pending.name}?` : "Remove passkey?"}
        confirmLabel="Remove passkey"
        busyLabel="Removing…"
        busy={remove.isPending}
        onConfirm={confirmRemove}
        onCancel={() => setPending(null)}
      >
        <p>It will no longer sign you in.</p>
      </ConfirmDialog>
    </section>
  );
}

/** The interstitial staff asked for: review the keys that can act as you, revoke any, then confirm. */
export function CredentialReview() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const complete = useCompleteCredentialReview();
  const announce = useAnnounce();
  const router = useRouter();
  const [pending, setPending] = useState<PersonalApiKey | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);

  // No key API (404) or no keys: nothing to review, and the button still confirms.
  const list = keys.data?.results ?? (keys.error?.status === 404 ? [] : null);

  function confirmRevoke() {
    if (!pending) return;
    const key = pending;
    setFailure(null);
    revoke.mutate(key.id, {
      onSuccess: () => {
        const left = (list?.length ?? 1) - 1;
        announce(`Revoked ${key.label}. ${left === 1 ? "1 key left" : `${left} keys left`}.`);
        setPending(null);
      },
      onError: (error) => {
        setFailure(error.isRetryable ? "We couldn't revoke that key. Check your connection and try again." : error.body.detail);
        setPending(null);
      },
    });
  }

  function finish() {
    setFailure(null);
    complete.mutate(undefined, {
      onSuccess: () => {
        setLeaving(true);
        router.replace(AFTER_REVIEW);
      },
      onError: (error) => {
        setFailure(error.isRetryable ? "We couldn't save your review. Check your connection and try again." : error.body.detail);
      },
    });
  }

  return (
    <>
      <h1>Review your credentials</h1>
      <p>
        An administrator asked you to review the credentials that can act as you. Personal API keys let scripts and tools use
        your account without your password, and passkeys sign in as you: revoke any key and remove any passkey you don&apos;t
        recognise or no longer use, then confirm.
      </p>
      <section aria-labelledby="review-api-keys" aria-busy={keys.isPending || undefined}>
        <h2 id="review-api-keys">Personal API keys</h2>
        {list === null ? <LoadState pending={keys.isPending} what="your API keys" onRetry={() => void keys.refetch()} /> : list.length === 0 ? (
          <p className="muted">You have no personal API keys.</p>
        ) : (
          <ApiKeyList keys={list} disabled={revoke.isPending} onRevoke={setPending} />
        )}
      </section>
      <PasskeyReview onFailure={setFailure} />
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={finish} disabled={complete.isPending || leaving || keys.isPending}>
          {complete.isPending || leaving ? "Saving…" : "I've reviewed my credentials"}
        </button>
        <Link className="button button--secondary" href="/signout">
          Sign out
        </Link>
      </div>
      <ConfirmDialog
        open={pending !== null}
        title={pending ? `Revoke ${pending.label}?` : "Revoke key?"}
        confirmLabel="Revoke key"
        busyLabel="Revoking…"
        busy={revoke.isPending}
        onConfirm={confirmRevoke}
        onCancel={() => setPending(null)}
      >
        <p>Anything using this key stops working at once. This can&apos;t be undone.</p>
      </ConfirmDialog>
    </>
  );
}
