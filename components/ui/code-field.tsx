"use client";

import { forwardRef } from "react";
import { cleanCode, TOTP_LENGTH, type CodeKind } from "@/lib/client/two-factor-format";
import { Icon } from "./icon";

interface CodeFieldProps {
  id: string;
  kind: CodeKind;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Called once the sixth digit arrives (typed or pasted), so the form can submit itself. */
  onComplete?: (code: string) => void;
  error?: string | null;
  help?: string;
  disabled?: boolean;
  autoFocus?: boolean;
}

/** One text input for an authenticator code or a backup code, not six boxes. */
export const CodeField = forwardRef<HTMLInputElement, CodeFieldProps>(function CodeField(
  { id, kind, label, value, onChange, onComplete, error, help, disabled, autoFocus },
  ref,
) {
  const errorId = error ? `${id}-error` : undefined;
  const helpId = help ? `${id}-help` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(" ") || undefined;
  const totp = kind === "totp";

  return (
    <div className="field" data-invalid={error ? "true" : undefined}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        name={totp ? "otp" : "backup_code"}
        type="text"
        className="input input--code"
        value={value}
        disabled={disabled}
        autoFocus={autoFocus}
        inputMode={totp ? "numeric" : "text"}
        autoComplete={totp ? "one-time-code" : "off"}
        pattern={totp ? "\\d{6}" : undefined}
        maxLength={totp ? undefined : 16}
        spellCheck={false}
        autoCapitalize="none"
        autoCorrect="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          const next = cleanCode(kind, event.target.value);
          onChange(next);
          if (totp && next.length === TOTP_LENGTH && value.length !== TOTP_LENGTH) onComplete?.(next);
        }}
      />
      {help ? (
        <div className="field__footer">
          <p className="field__help" id={helpId}>
            {help}
          </p>
        </div>
      ) : null}
    </div>
  );
});
