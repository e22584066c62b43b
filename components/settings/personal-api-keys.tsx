"use client";

import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useAnnounce } from "@/components/ui/announcer";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { LoadState } from "@/components/ui/load-state";
import { TextField } from "@/components/ui/text-field";
import type { ApiClientError } from "@/lib/client/api-client";
import { applyServerErrors } from "@/lib/client/form-errors";
import {
  SCOPE_CHOICES,
  useApiKeys,
  useCreateApiKey,
  useRevokeApiKey,
  useRollApiKey,
  type ApiKeyScope,
  type PersonalApiKey,
  type RevealedApiKey,
} from "@/lib/client/use-api-keys";
import { ApiKeyList } from "./api-key-list";
import { ApiKeyRevealDialog } from "./api-key-reveal-dialog";
import { SettingsCard } from "./settings-card";

const LABEL_MAX = 40;

interface CreateForm {
  label: string;
  scopes: ApiKeyScope[];
}

type Pending = { kind: "roll" | "revoke"; key: PersonalApiKey } | null;

export function PersonalApiKeys() {
  const keys = useApiKeys();
  const roll = useRollApiKey();
  const revoke = useRevokeApiKey();
  const announce = useAnnounce();
  const [pending, setPending] = useState<Pending>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<{ key: RevealedApiKey; kind: "created" | "rolled" } | null>(null);

  const page = keys.data;
  const busy = roll.isPending || revoke.isPending;

  function failed(error: ApiClientError) {
    setFailure(error.isRetryable ? "We couldn't change that key. Check your connection and try again." : error.body.detail);
    setPending(null);
  }

  function confirm() {
    if (!pending) return;
    const { key, kind } = pending;
    setFailure(null);
    if (kind === "roll") {
      roll.mutate(key.id, {
        onSuccess: (rolled) => {
          setPending(null);
          setRevealed({ key: rolled, kind: "rolled" });
        },
        onError: failed,
      });
    } else {
      revoke.mutate(key.id, {
        onSuccess: () => {
          announce(`Revoked ${key.label}`);
          setPending(null);
        },
        onError: failed,
      });
    }
  }

  return (
    <>
      <SettingsCard
        id="personal-api-keys"
        title="Personal API keys"
        description="Keys let scripts and tools call this app's API as you, limited to the scopes you choose. Send one as a Bearer token; revoke it the moment you no longer need it."
        busy={keys.isPending}
      >
        {failure ? <FormAlert>{failure}</FormAlert> : null}
        {!page ? <LoadState pending={keys.isPending} what="your API keys" onRetry={() => void keys.refetch()} /> : page.results.length === 0 ? (
          <p className="muted">
            You have no personal API keys yet. Create one to let a script or tool read or change your account without your
            password; each key works only for the scopes you give it, and you can revoke it at any time.
          </p>
        ) : (
          <ApiKeyList
            keys={page.results}
            disabled={busy}
            onRoll={(key) => setPending({ kind: "roll", key })}
            onRevoke={(key) => setPending({ kind: "revoke", key })}
          />
        )}
      </SettingsCard>
      {page ? <CreateApiKeyCard onCreated={(key) => setRevealed({ key, kind: "created" })} /> : null}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? (pending.kind === "roll" ? `Roll ${pending.key.label}?` : `Revoke ${pending.key.label}?`) : "Change key?"}
        confirmLabel={pending?.kind === "roll" ? "Roll key" : "Revoke key"}
        busyLabel={pending?.kind === "roll" ? "Rolling…" : "Revoking…"}
        busy={busy}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending?.kind === "roll" ? (
          <p>The current value ({pending.key.mask_value}) stops working at once, and you get a new value to copy.</p>
        ) : (
          <p>Anything using this key stops working at once. This can&apos;t be undone.</p>
        )}
      </ConfirmDialog>
      <ApiKeyRevealDialog
        revealed={revealed}
        onClose={() => {
          setRevealed(null);
          announce("Key hidden");
        }}
      />
    </>
  );
}

function CreateApiKeyCard({ onCreated }: { onCreated: (key: RevealedApiKey) => void }) {
  const create = useCreateApiKey();
  const scopesLegendId = useId();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    watch,
    formState: { errors },
  } = useForm<CreateForm>({ defaultValues: { label: "", scopes: [] } });
  const label = watch("label");

  const onSubmit = handleSubmit((values) => {
    setFormMessage(null);
    create.mutate(
      { label: values.label.trim(), scopes: values.scopes },
      {
        onSuccess: (key) => {
          reset();
          onCreated(key);
        },
        onError: (error) => {
          if (error.isRetryable) {
            setFormMessage("We couldn't create the key. Check your connection and try again.");
            return;
          }
          const applied = applyServerErrors(error.body, setError, ["label", "scopes"]);
          setFormMessage(applied.formMessages.join(" ") || null);
        },
      },
    );
  });

  const scopesErrorId = errors.scopes ? "api-key-scopes-error" : undefined;

  return (
    <SettingsCard id="create-api-key" title="Create a key" description="Name the key after where you'll use it, and give it only the access it needs.">
      <form className="form" onSubmit={onSubmit} noValidate>
        {formMessage ? <FormAlert>{formMessage}</FormAlert> : null}
        <TextField
          id="api-key-label"
          label="Label"
          maxLength={LABEL_MAX}
          registration={register("label", {
            validate: (value) => (value.trim() === "" ? "Give the key a label." : value.length > LABEL_MAX ? `At most ${LABEL_MAX} characters.` : true),
          })}
          error={errors.label?.message}
          meta={`${label.length}/${LABEL_MAX}`}
        />
        <fieldset className="field" aria-describedby={scopesErrorId}>
          <legend className="field__label" id={scopesLegendId}>
            Access
          </legend>
          {errors.scopes?.message ? (
            <p className="field__error" id={scopesErrorId}>
              {errors.scopes.message}
            </p>
          ) : null}
          {SCOPE_CHOICES.map((choice) => (
            <label className="checkbox" key={choice.scope} htmlFor={`api-key-scope-${choice.scope}`}>
              <input
                id={`api-key-scope-${choice.scope}`}
                type="checkbox"
                value={choice.scope}
                {...register("scopes", { validate: (value) => (value.length > 0 ? true : "Choose at least one kind of access.") })}
              />
              <span>
                {choice.label} <span className="muted">({choice.scope})</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create key"}
          </button>
        </div>
      </form>
    </SettingsCard>
  );
}
