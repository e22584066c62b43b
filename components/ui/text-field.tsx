import type { InputHTMLAttributes, ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Icon } from "./icon";

type NativeInputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "name" | "aria-invalid" | "aria-describedby" | "onChange" | "onBlur" | "ref"
>;

export interface TextFieldProps extends NativeInputProps {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  help?: ReactNode;
  error?: string;
  /** Extra text that belongs to the field, such as a character counter. */
  meta?: ReactNode;
}

/** A labelled input whose help and error texts are wired to it for assistive technology. */
export function TextField({ id, label, registration, help, error, meta, type = "text", ...inputProps }: TextFieldProps) {
  const helpId = help ? `${id}-help` : undefined;
  const metaId = meta ? `${id}-meta` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId, metaId].filter(Boolean).join(" ") || undefined;

  return (
    <div className="field" data-invalid={error ? "true" : undefined}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {error ? (
        <p className="field__error" id={errorId}>
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      ) : null}
      <input
        {...inputProps}
        {...registration}
        id={id}
        type={type}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {help || meta ? (
        <div className="field__footer">
          {help ? (
            <p className="field__help" id={helpId}>
              {help}
            </p>
          ) : null}
          {meta ? (
            <p className="field__meta" id={metaId}>
              {meta}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
