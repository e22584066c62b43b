"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { signinErrorMessage } from "@/lib/client/auth-messages";
import { signinSchema, type SigninInput } from "@/lib/users/schemas";

interface SigninFormProps {
  /** Already checked to be a same-site path. */
  next: string | null;
  initialError: string | null;
}

export function SigninForm({ next, initialError }: SigninFormProps) {
  const router = useRouter();
  const [alert, setAlert] = useState<string | null>(signinErrorMessage(initialError));
  const [redirecting, setRedirecting] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(signinSchema),
    defaultValues: { email: "", password: "" },
  });

  async function onValid(values: SigninInput) {
    setAlert(null);
    try {
      const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
      if (!result || result.error || !result.ok) {
        setAlert(signinErrorMessage(result?.error ?? "unknown"));
        return;
      }
    } catch {
      setAlert("We couldn't reach the server. Check your connection and try again.");
      return;
    }
    setRedirecting(true);
    router.replace(next ?? "/settings/profile");
    router.refresh();
  }

  const busy = isSubmitting || redirecting;

  return (
    <form className="form" noValidate onSubmit={handleSubmit(onValid)}>
      <FormAlert>{alert}</FormAlert>
      <TextField
        id="signin-email"
        label="Email"
        type="email"
        autoComplete="username"
        spellCheck={false}
        autoCapitalize="none"
        registration={register("email")}
        error={errors.email?.message}
      />
      <TextField
        id="signin-password"
        label="Password"
        type="password"
        autoComplete="current-password"
        registration={register("password")}
        error={errors.password?.message}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          Sign in
        </button>
      </div>
    </form>
  );
}
