"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { CodeField } from "@/components/ui/code-field";
import { TOTP_LENGTH, type CodeKind } from "@/lib/client/two-factor-format";
import { FormAlert } from "@/components/ui/form-alert";

interface SecondFactorStepProps {
  /** Tries the code with the password already given; resolves to an error message, or null once signed in. */
  onSubmit: (code: string) => Promise<string | null>;
  /** Offered when the user allows a passkey as the second factor: the browser's prompt, then the same sign-in. */
  onPasskey?: () => Promise<string | null>;
  onBack: () => void;
  busy: boolean;
}

/** Sign-in's second step: the authenticator's code, or a backup code instead. */
export function SecondFactorStep({ onSubmit, onPasskey, onBack, busy }: SecondFactorStepProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<CodeKind>("totp");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function switchKind() {
    setKind(kind === "totp" ? "backup" : "totp");
    setCode("");
    setError(null);
    setAlert(null);
    requestAnimationFrame(() => inputRef.current?.focus());
  }

  async function submit(value: string) {
    if (checking || busy) return;
    const trimmed = value.trim();
    if (kind === "totp" ? trimmed.length !== TOTP_LENGTH : trimmed.length === 0) {
      setError(kind === "totp" ? "Enter the 6-digit code from your authenticator app." : "Enter one of your backup codes.");
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setAlert(null);
    setChecking(true);
    const message = await onSubmit(trimmed);
    setChecking(false);
    if (message) {
      setAlert(message);
      setCode("");
      requestAnimationFrame(() => inputRef.current?.focus());
    }
  }

  async function tryPasskey() {
    if (!onPasskey || checking || busy) return;
    setError(null);
    setAlert(null);
    setChecking(true);
    const message = await onPasskey();
    setChecking(false);
    if (message) setAlert(message);
  }

  function onFormSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(code);
  }

  const disabled = checking || busy;

  return (
    <form className="form" noValidate onSubmit={onFormSubmit} aria-labelledby="second-factor-title">
      <h2 className="auth-step__title" id="second-factor-title" ref={headingRef} tabIndex={-1}>
        Two-factor authentication
      </h2>
      <p className="muted">
        {kind === "totp"
          ? "Enter the 6-digit code from your authenticator app."
          : "Enter one of the backup codes you saved when you turned on two-factor. Each code works once."}
      </p>
      <FormAlert>{alert}</FormAlert>
      <CodeField
        ref={inputRef}
        id={kind === "totp" ? "signin-otp" : "signin-backup-code"}
        kind={kind}
        label={kind === "totp" ? "Authentication code" : "Backup code"}
        value={code}
        onChange={(value) => {
          setCode(value);
          if (error) setError(null);
        }}
        onComplete={(value) => void submit(value)}
        error={error}
        disabled={disabled}
        autoFocus
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary button--block" disabled={disabled}>
          {checking ? "Checking…" : "Verify"}
        </button>
      </div>
      {onPasskey ? (
        <div className="form__actions">
          <button type="button" className="button button--secondary button--block" onClick={() => void tryPasskey()} disabled={disabled}>
            Use a passkey
          </button>
        </div>
      ) : null}
      <div className="second-factor__switch">
        <button type="button" className="button button--ghost button--small" onClick={switchKind} disabled={disabled}>
          {kind === "totp" ? "Use a backup code instead" : "Use your authenticator app instead"}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onBack} disabled={disabled}>
          Back to email and password
        </button>
      </div>
    </form>
  );
}
