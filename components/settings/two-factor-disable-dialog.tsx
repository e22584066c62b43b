"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { CodeField } from "@/components/ui/code-field";
import { TOTP_LENGTH, type CodeKind } from "@/lib/client/two-factor-format";
import { Modal } from "@/components/ui/modal";
import { codeErrorMessage, throttledMessage } from "@/lib/client/two-factor-messages";
import { useLockout } from "@/lib/client/use-countdown";
import { useDisableTwoFactor } from "@/lib/client/use-two-factor";

interface TwoFactorDisableDialogProps {
  open: boolean;
  onClose: () => void;
  onDisabled: () => void;
}

/** Turning two-factor off takes a current code or a backup code, never the session alone. */
export function TwoFactorDisableDialog({ open, onClose, onDisabled }: TwoFactorDisableDialogProps) {
  const disable = useDisableTwoFactor();
  const headingId = useId();
  const consequencesId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<CodeKind>("totp");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const lockout = useLockout();
  const { reset } = disable;

  useEffect(() => {
    if (!open) return;
    setKind("totp");
    setCode("");
    setError(null);
    reset();
    headingRef.current?.focus();
  }, [open, reset]);

  function switchKind() {
    setKind(kind === "totp" ? "backup" : "totp");
    setCode("");
    setError(null);
    requestAnimationFrame(() => inputRef.current?.focus());
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (disable.isPending || lockout.locked) return;
    const value = code.trim();
    if (kind === "totp" ? value.length !== TOTP_LENGTH : value.length === 0) {
      setError(kind === "totp" ? "Enter the 6-digit code from your authenticator app." : "Enter one of your backup codes.");
      inputRef.current?.focus();
      return;
    }
    setError(null);
    disable.mutate(value, {
      onSuccess: onDisabled,
      onError: (failure) => {
        if (failure.status === 429) lockout.lockFor(failure.retryAfterSeconds);
        setError(failure.status === 429 ? null : codeErrorMessage(failure, kind));
        inputRef.current?.focus();
      },
    });
  }

  return (
    <Modal open={open} role="alertdialog" labelledBy={headingId} describedBy={consequencesId} onCancel={() => (disable.isPending ? undefined : onClose())}>
      <h2 className="dialog__title" id={headingId} ref={headingRef} tabIndex={-1}>
        Turn off two-factor authentication?
      </h2>
      <form className="form" noValidate onSubmit={onSubmit}>
        <div className="dialog__body">
          <p id={consequencesId}>
            Signing in will need only your password. Your backup codes stop working, and every other device is signed out.
          </p>
        </div>
        <CodeField
          ref={inputRef}
          id="two-factor-disable-code"
          kind={kind}
          label={kind === "totp" ? "6-digit code from your authenticator app" : "Backup code"}
          help={kind === "backup" ? "Like abcd-efgh. The code is used up." : undefined}
          value={code}
          onChange={(value) => {
            setCode(value);
            if (error) setError(null);
          }}
          error={lockout.secondsLeft ? throttledMessage(lockout.secondsLeft) : error}
          disabled={disable.isPending || lockout.locked}
        />
        <button type="button" className="button button--ghost button--small" onClick={switchKind} disabled={disable.isPending}>
          {kind === "totp" ? "Use a backup code instead" : "Use your authenticator app instead"}
        </button>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={disable.isPending}>
            Cancel
          </button>
          <button type="submit" className="button button--danger" disabled={disable.isPending || lockout.locked}>
            {disable.isPending ? "Turning off…" : "Turn off two-factor"}
          </button>
        </div>
      </form>
    </Modal>
  );
}
