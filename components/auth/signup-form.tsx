"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { isApiClientError, type ApiClientError } from "@/lib/client/api-client";
import { SIGNUP_DISABLED_MESSAGE } from "@/lib/client/auth-messages";
import { applyServerErrors } from "@/lib/client/form-errors";
import { useSignup } from "@/lib/client/use-signup";
import { lazyZodResolver } from "@/lib/client/lazy-zod-resolver";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/limits";
import type { SignupInput } from "@/lib/users/schemas";

const signupResolver = lazyZodResolver<SignupInput>(() => import("@/lib/users/schemas").then((module) => module.signupSchema));
const FIELDS = ["first_name", "email", "password"] as const;

export function SignupForm() {
  const router = useRouter();
  const signup = useSignup();
  const [alert, setAlert] = useState<ReactNode>(null);
  const [disabled, setDisabled] = useState(false);
  const [redirecting, setRedirecting] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SignupInput>({
    resolver: signupResolver,
    defaultValues: { first_name: "", email: "", password: "" },
  });

  function showServerError(error: ApiClientError) {
    if (error.status === 400) {
      const applied = applyServerErrors(error.body, setError, FIELDS);
      const [firstField] = applied.fields;
      if (firstField) setFocus(firstField);
      if (applied.formMessages.length > 0) setAlert(applied.formMessages.join(" "));
      return;
    }
    if (error.status === 403 && error.body.code === "signup_disabled") {
      setDisabled(true);
      setAlert(SIGNUP_DISABLED_MESSAGE);
      return;
    }
    if (error.status === 429) {
      const wait = error.retryAfterSeconds ? `in ${error.retryAfterSeconds} seconds` : "in a few minutes";
      setAlert(`Too many sign-up attempts. Try again ${wait}.`);
      return;
    }
    setAlert(error.isRetryable ? "We couldn't create your account. Check your connection and try again." : error.body.detail);
  }

  async function onValid(values: SignupInput) {
    setAlert(null);
    try {
      await signup.mutateAsync(values);
    } catch (error) {
      if (isApiClientError(error)) showServerError(error);
      else setAlert("We couldn't create your account. Try again.");
      return;
    }
    const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false }).catch(() => undefined);
    if (!result?.ok || result.error) {
      setAlert(
        <>
          Your account was created, but we couldn&apos;t sign you in automatically. <Link href="/signin">Sign in</Link>
        </>,
      );
      return;
    }
    setRedirecting(true);
    router.replace("/settings/profile");
    router.refresh();
  }

  const busy = isSubmitting || redirecting;

  return (
    <form className="form" noValidate onSubmit={handleSubmit(onValid)}>
      <FormAlert>{alert}</FormAlert>
      <TextField
        id="signup-first-name"
        label="First name"
        autoComplete="given-name"
        registration={register("first_name")}
        error={errors.first_name?.message}
      />
      <TextField
        id="signup-email"
        label="Email"
        type="email"
        autoComplete="email"
        spellCheck={false}
        autoCapitalize="none"
        registration={register("email")}
        error={errors.email?.message}
      />
      <TextField
        id="signup-password"
        label="Password"
        type="password"
        autoComplete="new-password"
        registration={register("password")}
        error={errors.password?.message}
        help={`Use at least ${PASSWORD_MIN_LENGTH} characters. Long passphrases are best; very common passwords are refused.`}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary button--block" disabled={busy || disabled}>
          Create account
        </button>
      </div>
    </form>
  );
}
