"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { apiFetch, isApiClientError } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { UserDto } from "@/lib/users/user-schema";
import { Modal } from "./modal";

/** Asks for the password (and the code when two-factor is on) to renew secure mode; `onDone(true)` lets the refused change go again. */
export function ReauthDialog({ onDone }: { onDone: (confirmed: boolean) => void }) {
  const queryClient = useQueryClient();
  const me = queryClient.getQueryData<UserDto>(queryKeys.users.me());
  const titleId = useId();
  const passwordId = useId();
  const codeId = useId();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [askCode, setAskCode] = useState(Boolean(me?.is_2fa_enabled));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await apiFetch("/api/auth/reauthenticate", { method: "POST", body: { password, ...(code.trim() ? { otp: code.trim() } : {}) }, replayAfterReauth: false });
      void queryClient.invalidateQueries({ queryKey: queryKeys.users.me() });
      onDone(true);
    } catch (error) {
      if (isApiClientError(error) && error.body.attr === "otp") setAskCode(true);
      setProblem(isApiClientError(error) ? error.body.detail : "Something went wrong. Try again.");
      setBusy(false);
      passwordRef.current?.focus();
    }
  }

  return (
    <Modal open labelledBy={titleId} onCancel={() => (busy ? undefined : onDone(false))}>
      <form onSubmit={submit} noValidate>
        <h2 className="dialog__title" id={titleId}>
          Confirm it&apos;s you
        </h2>
        <div className="dialog__body">
          <p>This change needs a recent sign-in. Enter your password and it goes through; you won&apos;t be asked again for a while.</p>
          <div className="field">
            <label className="field__label" htmlFor={passwordId}>
              Password
            </label>
            <input ref={passwordRef} id={passwordId} className="input" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} autoFocus />
          </div>
          {askCode ? (
            <div className="field">
              <label className="field__label" htmlFor={codeId}>
                Authentication code
              </label>
              <p className="field__help" id={`${codeId}-help`}>
                From your authenticator app, or one of your backup codes.
              </p>
              <input id={codeId} className="input" inputMode="text" autoComplete="one-time-code" aria-describedby={`${codeId}-help`} value={code} onChange={(event) => setCode(event.target.value)} />
            </div>
          ) : null}
          {problem ? (
            <p className="field__error" role="alert">
              {problem}
            </p>
          ) : null}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={() => onDone(false)} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy || password === ""}>
            {busy ? "Checking…" : "Confirm"}
          </button>
        </div>
      </form>
    </Modal>
  );
}
