"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { isApiClientError } from "@/lib/client/api-client";
import { signinErrorMessage } from "@/lib/client/auth-messages";
import { passkeyAssertion, passkeyFromAutofill, stopPasskeyAutofill, type PasskeyAssertion } from "@/lib/client/passkey-signin";
import { lazyZodResolver } from "@/lib/client/lazy-zod-resolver";
import type { SigninInput } from "@/lib/users/schemas";
import { SecondFactorStep } from "./second-factor-step";

const signinResolver = lazyZodResolver<SigninInput>(() => import("@/lib/users/schemas").then((module) => module.signinSchema));
const NETWORK_MESSAGE = "We couldn't reach the server. Check your connection and try again.";

type Attempt = { ok: true } | { ok: false; error: string };

interface SigninFormProps {
  /** Already checked to be a same-site path. */
  next: string | null;
  initialError: string | null;
}

export function SigninForm({ next, initialError }: SigninFormProps) {
  const router = useRouter();
  const [alert, setAlert] = useState<string | null>(signinErrorMessage(initialError));
  const [redirecting, setRedirecting] = useState(false);
  // Kept in memory only, for the second step to send again with the code; gone on reload or "Back".
  const credentials = useRef<SigninInput | null>(null);
  const [step, setStep] = useState<"password" | "code">("password");
  const [passkeyAllowed, setPasskeyAllowed] = useState(false);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SigninInput>({
    resolver: signinResolver,
    defaultValues: { email: "", password: "" },
  });

  async function attempt(values: SigninInput, otp?: string, passkey?: PasskeyAssertion): Promise<Attempt> {
    const secondFactor = otp ? { otp } : passkey ? { passkey: passkey.credential, challenge: passkey.challenge } : {};
    try {
      const result = await signIn("credentials", { ...values, ...secondFactor, redirect: false });
      if (!result || result.error || !result.ok) return { ok: false, error: result?.error ?? "unknown" };
      return { ok: true };
    } catch {
      return { ok: false, error: "network" };
    }
  }

  function signedIn() {
    credentials.current = null;
    setRedirecting(true);
    router.replace(next ?? "/settings/profile");
    router.refresh();
  }

  async function onValid(values: SigninInput) {
    setAlert(null);
    const result = await attempt(values);
    if (result.ok) return signedIn();
    if (result.error === "2fa_required" || result.error === "2fa_required_passkey") {
      credentials.current = values;
      setPasskeyAllowed(result.error === "2fa_required_passkey");
      setStep("code");
      return;
    }
    setAlert(result.error === "network" ? NETWORK_MESSAGE : signinErrorMessage(result.error));
  }

  /** The browser's passkey prompt; its cancellation or failure is a message, never an exception. */
  async function assertion(): Promise<PasskeyAssertion | string> {
    try {
      return await passkeyAssertion();
    } catch (error) {
      if (isApiClientError(error)) return error.isNetworkError ? NETWORK_MESSAGE : error.body.code === "throttled" ? signinErrorMessage("throttled")! : error.body.detail;
      return signinErrorMessage("passkey_invalid")!;
    }
  }

  async function onPasskeySignin() {
    setAlert(null);
    setPasskeyBusy(true);
    const passkey = await assertion();
    if (typeof passkey === "string") {
      setPasskeyBusy(false);
      return setAlert(passkey);
    }
    await signInWithPasskey(passkey);
  }

  // The email field offers the browser's passkeys as it is focused, where the browser can.
  useEffect(() => {
    if (step !== "password") return;
    let active = true;
    void passkeyFromAutofill().then((passkey) => {
      if (!active || !passkey) return;
      setAlert(null);
      setPasskeyBusy(true);
      void signInWithPasskey(passkey);
    });
    return () => {
      active = false;
      stopPasskeyAutofill();
    };
    // Once per visit to the password step: signInWithPasskey reads nothing that changes meanwhile.
  }, [step]);

  async function signInWithPasskey(passkey: PasskeyAssertion) {
    try {
      const result = await signIn("passkey", { credential: passkey.credential, challenge: passkey.challenge, redirect: false });
      if (result?.ok && !result.error) return signedIn();
      setAlert(signinErrorMessage(result?.error === "CredentialsSignin" ? "passkey_invalid" : (result?.error ?? "passkey_invalid")));
    } catch {
      setAlert(NETWORK_MESSAGE);
    }
    setPasskeyBusy(false);
  }

  async function onSecondFactorPasskey(): Promise<string | null> {
    const passkey = await assertion();
    if (typeof passkey === "string") return passkey;
    return onCode("", passkey);
  }

  async function onCode(code: string, passkey?: PasskeyAssertion): Promise<string | null> {
    const values = credentials.current;
    if (!values) {
      backToPassword(null);
      return null;
    }
    const result = await attempt(values, passkey ? undefined : code, passkey);
    if (result.ok) {
      signedIn();
      return null;
    }
    if (result.error === "network") return NETWORK_MESSAGE;
    // The password stopped working meanwhile (changed elsewhere): start over.
    if (result.error === "CredentialsSignin") {
      backToPassword(signinErrorMessage(result.error));
      return null;
    }
    return signinErrorMessage(passkey && result.error === "2fa_invalid" ? "passkey_invalid" : result.error);
  }

  function backToPassword(message: string | null) {
    credentials.current = null;
    setAlert(message);
    setStep("password");
    requestAnimationFrame(() => setFocus("password"));
  }

  const busy = isSubmitting || redirecting || passkeyBusy;

  if (step === "code") {
    return (
      <SecondFactorStep
        onSubmit={(code) => onCode(code)}
        onPasskey={passkeyAllowed ? onSecondFactorPasskey : undefined}
        onBack={() => backToPassword(null)}
        busy={redirecting}
      />
    );
  }

  return (
    <form className="form" noValidate onSubmit={handleSubmit(onValid)}>
      <FormAlert>{alert}</FormAlert>
      <TextField
        id="signin-email"
        label="Email"
        type="email"
        autoComplete="username webauthn"
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
      <p className="form__aside">
        <Link href="/forgot-password">Forgot password?</Link>
      </p>
      <div className="form__actions">
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          Sign in
        </button>
        <button type="button" className="button button--secondary button--block" disabled={busy} onClick={() => void onPasskeySignin()}>
          {passkeyBusy ? "Waiting for your passkey…" : "Sign in with a passkey"}
        </button>
      </div>
    </form>
  );
}
