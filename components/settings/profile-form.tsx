"use client";

import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/ui/error-summary";
import { FormAlert } from "@/components/ui/form-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { TextField } from "@/components/ui/text-field";
import { useAnnounce } from "@/components/ui/announcer";
import type { ApiClientError } from "@/lib/client/api-client";
import { applyServerErrors } from "@/lib/client/form-errors";
import { lazyZodResolver } from "@/lib/client/lazy-zod-resolver";
import { useMe, useUpdateMe, type UserPatchInput } from "@/lib/client/use-me";
import { useUnsavedChangesGuard } from "@/lib/client/use-unsaved-changes-guard";
import type { ProfileNames } from "@/lib/users/form-schemas";
import { NAME_MAX_LENGTH } from "@/lib/users/limits";
import { SettingsCard } from "./settings-card";

const FIELDS = ["first_name", "last_name"] as const;

const profileResolver = lazyZodResolver<ProfileNames>(() => import("@/lib/users/form-schemas").then((module) => module.profileNamesSchema));
type ProfileField = (typeof FIELDS)[number];

const FIELD_IDS: Record<ProfileField, string> = { first_name: "profile-first-name", last_name: "profile-last-name" };

/** The counter appears only when it matters, so the field stays quiet for ordinary names. */
const COUNTER_THRESHOLD = NAME_MAX_LENGTH - 20;

interface SaveFailure {
  message: string;
  retryable: boolean;
}

function summaryItems(errors: FieldErrors<ProfileNames>): ErrorSummaryItem[] {
  return FIELDS.flatMap((field) => {
    const message = errors[field]?.message;
    return message ? [{ fieldId: FIELD_IDS[field], message }] : [];
  });
}

function lengthCounter(length: number) {
  if (length < COUNTER_THRESHOLD) return undefined;
  const remaining = NAME_MAX_LENGTH - length;
  return remaining >= 0
    ? `${remaining} ${remaining === 1 ? "character" : "characters"} left`
    : `${-remaining} ${remaining === -1 ? "character" : "characters"} too many`;
}

function failureFor(error: ApiClientError): SaveFailure {
  if (error.status === 429) {
    const wait = error.retryAfterSeconds ? ` in ${error.retryAfterSeconds} seconds` : " in a moment";
    return { message: `Too many changes in a short time. Try again${wait}.`, retryable: true };
  }
  if (error.isRetryable) {
    return {
      message: "We couldn't save your changes. Your edits are still here; check your connection and try again.",
      retryable: true,
    };
  }
  return { message: error.body.detail, retryable: false };
}

export function ProfileForm() {
  const me = useMe();
  const updateMe = useUpdateMe();
  const announce = useAnnounce();
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [formMessages, setFormMessages] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const summaryFocusPending = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const serverValues = useMemo<ProfileNames | undefined>(
    () => (me.data ? { first_name: me.data.first_name, last_name: me.data.last_name } : undefined),
    [me.data],
  );

  const {
    register,
    handleSubmit,
    reset,
    setError,
    clearErrors,
    watch,
    formState: { errors, isDirty, dirtyFields },
  } = useForm({
    resolver: profileResolver,
    // Server-rendered pages arrive with the user already cached: the first paint is the filled form.
    defaultValues: serverValues ?? { first_name: "", last_name: "" },
    shouldFocusError: false,
  });

  // New server values replace the form only while it is clean, so a background refetch never
  // wipes what the person is typing.
  const appliedServerValues = useRef<ProfileNames | undefined>(serverValues);
  useEffect(() => {
    if (!serverValues || serverValues === appliedServerValues.current || isDirty) return;
    appliedServerValues.current = serverValues;
    reset(serverValues);
  }, [serverValues, isDirty, reset]);

  useUnsavedChangesGuard(isDirty);

  // Errors can arrive a render after the submit handler returns; focus the summary once it exists.
  useEffect(() => {
    if (!summaryFocusPending.current || !summaryRef.current) return;
    summaryFocusPending.current = false;
    summaryRef.current.focus();
  });

  const saving = updateMe.isPending;
  const canSave = isDirty && !saving;

  function onValid(values: ProfileNames) {
    const patch: UserPatchInput = {};
    for (const field of FIELDS) {
      if (dirtyFields[field]) patch[field] = values[field];
    }
    setFailure(null);
    setFormMessages([]);
    updateMe.mutate(patch, {
      onSuccess: (user) => {
        reset({ first_name: user.first_name, last_name: user.last_name });
        setSaved(true);
        announce("Profile saved");
      },
      onError: (error) => {
        // The query client sends 401s to the sign-in page.
        if (error.status === 401) return;
        if (error.status === 400) {
          const applied = applyServerErrors(error.body, setError, FIELDS);
          summaryFocusPending.current = true;
          setFormMessages(applied.formMessages);
          return;
        }
        setFailure(failureFor(error));
      },
    });
  }

  function onInvalid() {
    summaryFocusPending.current = true;
    setFormMessages([]);
  }

  const submit = handleSubmit(onValid, onInvalid);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!canSave) {
      event.preventDefault();
      return;
    }
    void submit(event);
  }

  function onCancel() {
    if (!isDirty) return;
    reset(serverValues);
    clearErrors();
    setFailure(null);
    setFormMessages([]);
  }

  const firstNameLength = watch("first_name").length;
  const lastNameLength = watch("last_name").length;
  const items = summaryItems(errors);
  const statusText = saving ? "Saving…" : isDirty ? "You have unsaved changes." : saved ? "All changes saved." : "No changes yet";

  if (me.isPending || (me.isError && me.error.status === 401)) {
    return (
      <SettingsCard id="details" title="Details" busy>
        <div className="form-skeleton">
          <span className="visually-hidden">Loading your profile…</span>
          {FIELDS.map((field) => (
            <div key={field} className="form-skeleton__field">
              <Skeleton width="6rem" height="0.875rem" />
              <Skeleton height="2.5rem" />
            </div>
          ))}
          <Skeleton width="5rem" height="2.5rem" />
        </div>
      </SettingsCard>
    );
  }

  if (me.isError) {
    return (
      <SettingsCard id="details" title="Details">
        <FormAlert>
          <p>We couldn&apos;t load your profile. {me.error.isRetryable ? "Check your connection and try again." : me.error.body.detail}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => void me.refetch()}>
            Retry
          </button>
        </FormAlert>
      </SettingsCard>
    );
  }

  return (
    <SettingsCard id="details" title="Details" description="Your name as teammates see it.">
      <form className="form" noValidate onSubmit={onSubmit}>
        <ErrorSummary ref={summaryRef} items={items} messages={formMessages} />
        <div className="form__row">
          <TextField
            id={FIELD_IDS.first_name}
            label="First name"
            autoComplete="given-name"
            registration={register("first_name")}
            // register() sets values through a ref, which server HTML never runs.
            defaultValue={serverValues?.first_name}
            error={errors.first_name?.message}
            help={`Up to ${NAME_MAX_LENGTH} characters.`}
            meta={lengthCounter(firstNameLength)}
          />
          <TextField
            id={FIELD_IDS.last_name}
            label="Last name"
            autoComplete="family-name"
            registration={register("last_name")}
            defaultValue={serverValues?.last_name}
            error={errors.last_name?.message}
            help={`Up to ${NAME_MAX_LENGTH} characters.`}
            meta={lengthCounter(lastNameLength)}
          />
        </div>
        {failure ? (
          <FormAlert>
            <p>{failure.message}</p>
            {failure.retryable ? (
              <button type="button" className="button button--secondary button--small" onClick={() => void submit()}>
                Retry
              </button>
            ) : null}
          </FormAlert>
        ) : null}
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={!canSave || undefined}
            aria-describedby="profile-save-status"
          >
            Save
          </button>
          <button type="button" className="button button--secondary" aria-disabled={!isDirty || undefined} onClick={onCancel}>
            Cancel
          </button>
          <p className="form__status" id="profile-save-status">
            {statusText}
          </p>
        </div>
      </form>
    </SettingsCard>
  );
}
