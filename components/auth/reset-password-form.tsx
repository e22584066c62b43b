"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { isApiClientError, type ApiClientError } from "@/lib/client/api-client";
import { applyServerErrors } from "@/lib/client/form-errors";
import { resetThrottledMessage, useCompletePasswordReset } from "@/lib/client/use-password-reset";
import { lazyZodResolver } from "@/lib/client/lazy-zod-resolver";
import type { PasswordResetFormInput } from "@/lib/users/password-reset-schemas";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/limits";

const resetFormResolver = lazyZodResolver<PasswordResetFormInput>(() =>
  import("@/lib/users/password-reset-schemas").then((module) => module.passwordResetFormSchema),
);
const FIELDS = ["password", "confirm"] as const;

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const complete = useCompletePasswordReset(token);
  const [alert, setAlert] = useState<ReactNode>(null);
  const [shown, setShown] = useState(false);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<PasswordResetFormInput>({ resolver: resetFormResolver, defaultValues: { password: "", confirm: "" } });

  function showServerError(error: ApiClientError) {
    if (error.status === 400 && (error.body.code === "token_invalid" || error.body.code === "token_expired")) {
      setAlert(
        <>
          {error.body.detail} <Link href="/forgot-password">Ask for a new link</Link>
        </>,
      );
      return;
    }
    if (error.status === 400) {
      const applied = applyServerErrors(error.body, setError, FIELDS);
      const [firstField] = applied.fields;
      if (firstField) setFocus(firstField);
      if (applied.formMessages.length > 0) setAlert(applied.formMessages.join(" "));
      return;
    }
    if (error.status === 429) return setAlert(resetThrottledMessage(error.retryAfterSeconds));
    setAlert(error.isRetryable ? "We couldn't reach the server. Check your connection and try again." : error.body.detail);
  }

  async function onValid(values: PasswordResetFormInput) {
    setAlert(null);
    try {
      await complete.mutateAsync({ password: values.password });
    } catch (error) {
      if (isApiClientError(error)) showServerError(error);
      else setAlert("We couldn't set the password. Try again.");
      return;
    }
    setDone(true);
    router.replace("/signin?reset=1");
  }

  const type = shown ? "text" : "password";

  return (
    <form className="form" noValidate onSubmit={handleSubmit(onValid)}>
      <FormAlert>{alert}</FormAlert>
      <TextField
        id="reset-password"
        label="New password"
        type={type}
        autoComplete="new-password"
        registration={register("password")}
        error={errors.password?.message}
        help={`Use at least ${PASSWORD_MIN_LENGTH} characters. Long passphrases are best; very common passwords are refused.`}
      />
      <TextField
        id="reset-confirm"
        label="Confirm new password"
        type={type}
        autoComplete="new-password"
        registration={register("confirm")}
        error={errors.confirm?.message}
      />
      <label className="checkbox" htmlFor="reset-show">
        <input id="reset-show" type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} />
        Show passwords
      </label>
      <div className="form__actions">
        <button type="submit" className="button button--primary button--block" disabled={isSubmitting || done}>
          Set new password
        </button>
      </div>
    </form>
  );
}
