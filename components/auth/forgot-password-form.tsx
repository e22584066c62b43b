"use client";

import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { isApiClientError } from "@/lib/client/api-client";
import { applyServerErrors } from "@/lib/client/form-errors";
import { resetThrottledMessage, useRequestPasswordReset } from "@/lib/client/use-password-reset";
import { lazyZodResolver } from "@/lib/client/lazy-zod-resolver";
import type { PasswordResetRequestInput } from "@/lib/users/password-reset-schemas";

const resetRequestResolver = lazyZodResolver<PasswordResetRequestInput>(() =>
  import("@/lib/users/password-reset-schemas").then((module) => module.passwordResetRequestSchema),
);

export function ForgotPasswordForm({ lifetime }: { lifetime: string }) {
  const request = useRequestPasswordReset();
  const [alert, setAlert] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<PasswordResetRequestInput>({ resolver: resetRequestResolver, defaultValues: { email: "" } });

  async function onValid(values: PasswordResetRequestInput) {
    setAlert(null);
    try {
      await request.mutateAsync(values);
      setSentTo(values.email);
    } catch (error) {
      if (!isApiClientError(error)) return setAlert("We couldn't send the link. Try again.");
      if (error.status === 429) return setAlert(resetThrottledMessage(error.retryAfterSeconds));
      if (error.status === 400) {
        const applied = applyServerErrors(error.body, setError, ["email"] as const);
        if (applied.fields.length > 0) setFocus("email");
        if (applied.formMessages.length > 0) setAlert(applied.formMessages.join(" "));
        return;
      }
      setAlert(error.isRetryable ? "We couldn't reach the server. Check your connection and try again." : error.body.detail);
    }
  }

  if (sentTo) {
    return (
      <div className="form" data-testid="reset-requested">
        <FormAlert tone="info">
          If an account exists for <strong>{sentTo}</strong>, we&apos;ve sent it a link to choose a new password.
        </FormAlert>
        <p className="muted">
          The link works once, for {lifetime}. Nothing arrived after a few minutes? Check your spam folder and the spelling of the
          address, then try again.
        </p>
        <div className="form__actions">
          <button type="button" className="button" onClick={() => setSentTo(null)}>
            Use another address
          </button>
          <Link href="/signin" className="button button--primary">
            Back to sign in
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form className="form" noValidate onSubmit={handleSubmit(onValid)}>
      <FormAlert>{alert}</FormAlert>
      <TextField
        id="forgot-email"
        label="Email"
        type="email"
        autoComplete="username"
        spellCheck={false}
        autoCapitalize="none"
        registration={register("email")}
        error={errors.email?.message}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
          Send reset link
        </button>
      </div>
    </form>
  );
}
