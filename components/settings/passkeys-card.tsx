"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { useAnnounce } from "@/components/ui/announcer";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { LoadState } from "@/components/ui/load-state";
import { TextField } from "@/components/ui/text-field";
import type { ApiClientError } from "@/lib/client/api-client";
import { applyServerErrors } from "@/lib/client/form-errors";
import { useMe } from "@/lib/client/use-me";
import { useAddPasskey, useMyPasskeys, useRemovePasskey, useRenamePasskey } from "@/lib/client/use-passkeys";
import { PASSKEY_NAME_MAX_LENGTH } from "@/lib/passkeys/limits";
import type { PasskeyDto } from "@/lib/passkeys/schemas";
import { PasskeyFacts } from "./passkey-facts";
import { PreferenceSwitch } from "./preference-switch";
import { SettingsCard } from "./settings-card";

const validName = (value: string) =>
  value.trim() === "" ? "Give the passkey a name." : value.length > PASSKEY_NAME_MAX_LENGTH ? `At most ${PASSKEY_NAME_MAX_LENGTH} characters.` : true;

function failureText(error: ApiClientError, what: string): string {
  return error.isRetryable ? `We couldn't ${what}. Check your connection and try again.` : error.body.detail;
}

function AddPasskeyForm() {
  const add = useAddPasskey();
  const announce = useAnnounce();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    watch,
    formState: { errors },
  } = useForm<{ name: string }>({ defaultValues: { name: "" } });
  const name = watch("name");

  const onSubmit = handleSubmit(({ name }) => {
    setFormMessage(null);
    add.mutate(
      { name: name.trim() },
      {
        onSuccess: (passkey) => {
          reset();
          announce(`Added the passkey ${passkey.name}`);
        },
        onError: (error) => {
          if (error.isRetryable) return setFormMessage(failureText(error, "add the passkey"));
          const applied = applyServerErrors(error.body, setError, ["name"]);
          setFormMessage(applied.formMessages.join(" ") || null);
        },
      },
    );
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Add a passkey">
      {formMessage ? <FormAlert>{formMessage}</FormAlert> : null}
      <TextField
        id="passkey-name"
        label="Passkey name"
        maxLength={PASSKEY_NAME_MAX_LENGTH}
        placeholder="e.g. MacBook Touch ID"
        registration={register("name", { validate: validName })}
        error={errors.name?.message}
        help="Your browser asks you to confirm with your fingerprint, face, screen lock or security key."
        meta={`${name.length}/${PASSKEY_NAME_MAX_LENGTH}`}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? "Waiting for your passkey…" : "Add a passkey"}
        </button>
      </div>
    </form>
  );
}

function RenameForm({ passkey, onDone }: { passkey: PasskeyDto; onDone: () => void }) {
  const rename = useRenamePasskey();
  const announce = useAnnounce();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<{ name: string }>({ defaultValues: { name: passkey.name } });
  const onSubmit = handleSubmit(({ name }) => {
    setFormMessage(null);
    rename.mutate(
      { id: passkey.id, name: name.trim() },
      {
        onSuccess: (renamed) => {
          announce(`Renamed to ${renamed.name}`);
          onDone();
        },
        onError: (error) => {
          if (error.isRetryable) return setFormMessage(failureText(error, "rename the passkey"));
          const applied = applyServerErrors(error.body, setError, ["name"]);
          setFormMessage(applied.formMessages.join(" ") || null);
        },
      },
    );
  });
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={`Rename ${passkey.name}`}>
      {formMessage ? <FormAlert>{formMessage}</FormAlert> : null}
      <TextField
        id={`passkey-rename-${passkey.id}`}
        label="New name"
        maxLength={PASSKEY_NAME_MAX_LENGTH}
        autoFocus
        registration={register("name", { validate: validName })}
        error={errors.name?.message}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small" disabled={rename.isPending}>
          {rename.isPending ? "Saving…" : "Save name"}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onDone} disabled={rename.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function TwoFactorSwitch({ hasPasskeys }: { hasPasskeys: boolean }) {
  const me = useMe();
  if (!me.data) return null;
  return (
    <PreferenceSwitch
      id="passkeys-for-2fa"
      label="Use passkeys for two-factor"
      description="With two-factor authentication on, a passkey can stand in for the authenticator code after your password."
      user={me.data}
      read={(user) => user.passkeys_enabled_for_2fa === true}
      write={(on) => ({ passkeys_enabled_for_2fa: on })}
      disabledReason={hasPasskeys || me.data.passkeys_enabled_for_2fa === true ? undefined : "Add a passkey first."}
    />
  );
}

/** Passkeys sign in without a password, or stand in for the code as the second factor. */
export function PasskeysCard() {
  const passkeys = useMyPasskeys();
  const remove = useRemovePasskey();
  const announce = useAnnounce();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [pending, setPending] = useState<PasskeyDto | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const page = passkeys.data;

  function confirmRemove() {
    if (!pending) return;
    const passkey = pending;
    setFailure(null);
    remove.mutate(passkey.id, {
      onSuccess: () => {
        announce(`Removed the passkey ${passkey.name}`);
        setPending(null);
      },
      onError: (error) => {
        setFailure(failureText(error, "remove the passkey"));
        setPending(null);
      },
    });
  }

  return (
    <SettingsCard id="passkeys" title="Passkeys" description="Sign in with your fingerprint, face, screen lock or a security key instead of your password." busy={passkeys.isPending}>
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      {!page ? (
        <LoadState pending={passkeys.isPending} what="your passkeys" onRetry={() => void passkeys.refetch()} />
      ) : page.results.length === 0 ? (
        <p className="muted">You have no passkeys yet.</p>
      ) : (
        <ul className="device-list" aria-label="Passkeys">
          {page.results.map((passkey) => (
            <li key={passkey.id} className="device">
              {renaming === passkey.id ? (
                <div className="device__main">
                  <RenameForm passkey={passkey} onDone={() => setRenaming(null)} />
                </div>
              ) : (
                <>
                  <PasskeyFacts passkey={passkey} factsId={`passkey-${passkey.id}`} />
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={`Rename ${passkey.name}`}
                    aria-describedby={`passkey-${passkey.id}`}
                    onClick={() => setRenaming(passkey.id)}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={remove.isPending}
                    aria-label={`Remove ${passkey.name}`}
                    aria-describedby={`passkey-${passkey.id}`}
                    onClick={() => setPending(passkey)}
                  >
                    Remove
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <AddPasskeyForm />
      <TwoFactorSwitch hasPasskeys={(page?.count ?? 0) > 0} />
      <ConfirmDialog
        open={pending !== null}
        title={pending ? `Remove ${pending.name}?` : "Remove passkey?"}
        confirmLabel="Remove passkey"
        busyLabel="Removing…"
        busy={remove.isPending}
        onConfirm={confirmRemove}
        onCancel={() => setPending(null)}
      >
        <p>It will no longer sign you in. Removing your last passkey also stops passkeys being used for two-factor.</p>
      </ConfirmDialog>
    </SettingsCard>
  );
}
