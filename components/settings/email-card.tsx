"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { useAnnounce } from "@/components/ui/announcer";
import { EmailText } from "@/components/ui/email-text";
import { FormAlert } from "@/components/ui/form-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { TextField } from "@/components/ui/text-field";
import type { ApiClientError } from "@/lib/client/api-client";
import { applyServerErrors } from "@/lib/client/form-errors";
import { lazyZodResolver } from "@/lib/client/lazy-zod-resolver";
import { useCancelEmailChange, useResendVerification } from "@/lib/client/use-email-change";
import { useMe, useUpdateMe } from "@/lib/client/use-me";
import type { EmailChangeForm } from "@/lib/email-change/form-schema";
import type { UserDto } from "@/lib/users/user-schema";
import { SettingsCard } from "./settings-card";

const FIELDS = ["email", "current_password"] as const;

const emailChangeResolver = lazyZodResolver<EmailChangeForm>(() => import("@/lib/email-change/form-schema").then((module) => module.emailChangeFormSchema));

function problemText(error: ApiClientError): string {
  if (error.status === 429) {
    const wait = error.retryAfterSeconds ? ` Try again in ${Math.ceil(error.retryAfterSeconds / 60)} minutes.` : " Try again later.";
    return `Too many attempts for now.${wait}`;
  }
  if (error.isRetryable) return "That didn't go through. Check your connection and try again.";
  return error.body.detail;
}

/** Resend and cancel for a staged address, or resend for an unverified account address. */
function PendingActions({ user }: { user: UserDto }) {
  const announce = useAnnounce();
  const resend = useResendVerification();
  const cancel = useCancelEmailChange();
  const [message, setMessage] = useState<{ tone: "info" | "error"; text: string } | null>(null);
  const target = user.pending_email ?? user.email;

  function onResend() {
    setMessage(null);
    resend.mutate(
      { uuid: user.uuid },
      {
        onSuccess: () => {
          setMessage({ tone: "info", text: `We sent a new link to ${target}. Earlier links no longer work.` });
          announce("Verification email sent");
        },
        onError: (error) => setMessage({ tone: "error", text: problemText(error) }),
      },
    );
  }

  function onCancel() {
    setMessage(null);
    cancel.mutate(undefined, {
      onSuccess: () => announce("Email change cancelled"),
      onError: (error) => setMessage({ tone: "error", text: problemText(error) }),
    });
  }

  return (
    <div className="email-pending__actions">
      <div className="form__actions">
        <button type="button" className="button button--secondary button--small" onClick={onResend} disabled={resend.isPending}>
          {resend.isPending ? "Sending…" : user.pending_email ? "Resend link" : "Resend verification email"}
        </button>
        {user.pending_email ? (
          <button type="button" className="button button--secondary button--small button--danger-text" onClick={onCancel} disabled={cancel.isPending}>
            {cancel.isPending ? "Cancelling…" : "Cancel change"}
          </button>
        ) : null}
      </div>
      {message?.tone === "error" ? <FormAlert>{message.text}</FormAlert> : null}
      {message?.tone === "info" ? <p className="field__help" role="status">{message.text}</p> : null}
    </div>
  );
}

function ChangeForm({ user }: { user: UserDto }) {
  const announce = useAnnounce();
  const updateMe = useUpdateMe();
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<EmailChangeForm>({ resolver: emailChangeResolver, defaultValues: { email: "", current_password: "" } });

  const onValid = handleSubmit((values) => {
    setProblem(null);
    if (values.email.trim().toLowerCase() === user.email.toLowerCase()) {
      setError("email", { type: "same", message: "That is already your email address." });
      return;
    }
    updateMe.mutate(
      { email: values.email, current_password: values.current_password },
      {
        onSuccess: (updated) => {
          reset({ email: "", current_password: "" });
          announce(`Check ${updated.pending_email ?? updated.email} for a link to confirm the change`);
        },
        onError: (error) => {
          if (error.status === 401) return;
          if (error.status === 400) {
            const applied = applyServerErrors(error.body, setError, FIELDS);
            if (applied.formMessages.length > 0) setProblem(applied.formMessages.join(" "));
            return;
          }
          setProblem(problemText(error));
        },
      },
    );
  });

  return (
    <form className="form email-card__form" noValidate onSubmit={(event) => void onValid(event)} aria-label="Change email address">
      <div className="form__row">
        <TextField
          id="email-new"
          label="New email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          registration={register("email")}
          error={errors.email?.message}
          help="We'll send a link to the new address. Nothing changes until you open it."
        />
        <TextField
          id="email-current-password"
          label="Current password"
          type="password"
          autoComplete="current-password"
          registration={register("current_password")}
          error={errors.current_password?.message}
        />
      </div>
      <FormAlert>{problem}</FormAlert>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={updateMe.isPending}>
          {updateMe.isPending ? "Saving…" : "Change email"}
        </button>
      </div>
    </form>
  );
}

/** The account's address: verified or not, a staged change waiting for its link, and the change form. */
export function EmailCard() {
  const me = useMe();

  if (!me.data) {
    return (
      <SettingsCard id="email" title="Email" busy={me.isPending}>
        {me.isPending ? (
          <div className="facts-skeleton">
            <span className="visually-hidden">Loading your email address…</span>
            <Skeleton width="50%" />
            <Skeleton height="2.5rem" />
          </div>
        ) : (
          <p className="muted">Your email address is unavailable right now.</p>
        )}
      </SettingsCard>
    );
  }

  const user = me.data;
  // null is a legacy account, which the reference treats as verified.
  const verified = user.is_email_verified !== false;

  return (
    <SettingsCard id="email" title="Email" description="The address you sign in with and where account notices go.">
      <dl className="facts__list">
        <div className="facts__row">
          <dt>Current</dt>
          <dd className="facts__value">
            <EmailText email={user.email} />
            <span className={verified ? "badge badge--success" : "badge badge--warning"}>{verified ? "Verified" : "Not verified"}</span>
          </dd>
        </div>
      </dl>
      {user.pending_email ? (
        <div className="email-pending" role="region" aria-label="Pending email change">
          <p>
            Waiting for confirmation of <strong><EmailText email={user.pending_email} /></strong>. Open the link we sent there to finish the
            change; until then you keep signing in with your current address.
          </p>
          <PendingActions user={user} />
        </div>
      ) : !verified ? (
        <div className="email-pending" role="region" aria-label="Unverified email address">
          <p>Your address is not verified yet. Open the link we mailed to it, or ask for a new one.</p>
          <PendingActions user={user} />
        </div>
      ) : null}
      <ChangeForm user={user} />
    </SettingsCard>
  );
}
