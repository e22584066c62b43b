"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useAnnounce } from "@/components/ui/announcer";
import { CodeField } from "@/components/ui/code-field";
import { CopyButton } from "@/components/ui/copy-button";
import { FormAlert } from "@/components/ui/form-alert";
import { Modal } from "@/components/ui/modal";
import { Skeleton } from "@/components/ui/skeleton";
import type { ApiClientError } from "@/lib/client/api-client";
import { groupedSecret, TOTP_LENGTH } from "@/lib/client/two-factor-format";
import { codeErrorMessage, SETUP_EXPIRED_MESSAGE, throttledMessage } from "@/lib/client/two-factor-messages";
import { minutesAndSeconds, useCountdown, useLockout } from "@/lib/client/use-countdown";
import { useConfirmTwoFactor, useStartTwoFactorSetup, type TwoFactorSetup } from "@/lib/client/use-two-factor";
import { BackupCodesPanel } from "./backup-codes-panel";

const WARN_AT_SECONDS = 120;

type Step = "scan" | "confirm" | "codes";
const STEP_NUMBER: Record<Step, number> = { scan: 1, confirm: 2, codes: 3 };

function qrDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

interface TwoFactorSetupDialogProps {
  open: boolean;
  email: string;
  appName: string;
  onClose: () => void;
}

/** Scan, confirm with a code, save the backup codes: three steps in one modal. */
export function TwoFactorSetupDialog({ open, email, appName, onClose }: TwoFactorSetupDialogProps) {
  const start = useStartTwoFactorSetup();
  const confirm = useConfirmTwoFactor();
  const announce = useAnnounce();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>("scan");
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [backupCodes, setBackupCodes] = useState<string[] | null>(null);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const lockout = useLockout();
  const { mutate: startSetup, reset: resetStart } = start;

  const setup: TwoFactorSetup | undefined = start.data;
  const deadline = setup ? Date.parse(setup.expires_at) : null;
  const secondsLeft = useCountdown(step === "codes" ? null : deadline);
  const timedOut = expired || secondsLeft === 0;

  useEffect(() => {
    if (!open) return;
    setStep("scan");
    setCode("");
    setCodeError(null);
    setExpired(false);
    setBackupCodes(null);
    setConfirmingClose(false);
    confirm.reset();
    startSetup();
    // Only on opening: each start replaces the pending secret.
  }, [open]);

  useEffect(() => {
    if (open) headingRef.current?.focus();
  }, [open, step]);

  function restart() {
    setCode("");
    setCodeError(null);
    setExpired(false);
    setStep("scan");
    resetStart();
    startSetup();
  }

  function close() {
    // The secret and the codes leave memory with the dialog.
    resetStart();
    setBackupCodes(null);
    onClose();
  }

  function submitCode(value: string) {
    if (confirm.isPending || lockout.locked) return;
    if (value.length !== TOTP_LENGTH) {
      setCodeError("Enter the 6-digit code from your authenticator app.");
      return;
    }
    setCodeError(null);
    confirm.mutate(value, {
      onSuccess: ({ backup_codes }) => {
        setBackupCodes(backup_codes);
        setStep("codes");
        announce("Two-factor authentication is on");
      },
      onError: (error: ApiClientError) => {
        if (error.body.code === "setup_expired") setExpired(true);
        if (error.status === 429) lockout.lockFor(error.retryAfterSeconds);
        setCodeError(error.status === 429 ? null : codeErrorMessage(error));
        setCode("");
        requestAnimationFrame(() => codeRef.current?.focus());
      },
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submitCode(code);
  }

  function onCancel() {
    if (step === "codes") setConfirmingClose(true);
    else if (!confirm.isPending) close();
  }

  const stepLabel = `Step ${STEP_NUMBER[step]} of 3`;

  return (
    <Modal open={open} labelledBy={headingId} onCancel={onCancel} className="dialog--wide">
      {step === "codes" && backupCodes ? (
        <BackupCodesPanel
          codes={backupCodes}
          email={email}
          appName={appName}
          headingId={headingId}
          headingRef={headingRef}
          title="Save your backup codes"
          stepLabel={stepLabel}
          confirmingClose={confirmingClose}
          onKeepOpen={() => setConfirmingClose(false)}
          onClose={close}
        />
      ) : (
        <>
          <p className="dialog__step">{stepLabel}</p>
          <h2 className="dialog__title" id={headingId} ref={headingRef} tabIndex={-1}>
            {step === "scan" ? "Scan the QR code" : "Enter the code from your app"}
          </h2>
          {start.isError ? (
            <FormAlert>
              <p>{start.error.isRetryable ? "We couldn't start the setup. Check your connection and try again." : start.error.body.detail}</p>
              <button type="button" className="button button--secondary button--small" onClick={restart}>
                Try again
              </button>
            </FormAlert>
          ) : null}
          {timedOut ? (
            <FormAlert>
              <p>{SETUP_EXPIRED_MESSAGE}</p>
              <button type="button" className="button button--secondary button--small" onClick={restart}>
                Start again
              </button>
            </FormAlert>
          ) : secondsLeft !== null && secondsLeft <= WARN_AT_SECONDS ? (
            <FormAlert tone="info">
              <p>This setup expires in {minutesAndSeconds(secondsLeft)}. Finish soon, or start again for more time.</p>
              <button type="button" className="button button--secondary button--small" onClick={restart}>
                Start again
              </button>
            </FormAlert>
          ) : null}
          {step === "scan" ? (
            <ScanStep setup={setup} appName={appName} secondsLeft={secondsLeft} loading={start.isPending} onNext={() => setStep("confirm")} onCancel={close} />
          ) : (
            <form className="form" noValidate onSubmit={onSubmit}>
              <p className="dialog__lead">Enter the 6-digit code your authenticator app shows for {appName}.</p>
              <CodeField
                ref={codeRef}
                id="two-factor-setup-code"
                kind="totp"
                label="6-digit code"
                value={code}
                onChange={(value) => {
                  setCode(value);
                  if (codeError) setCodeError(null);
                }}
                onComplete={submitCode}
                error={lockout.secondsLeft ? throttledMessage(lockout.secondsLeft) : codeError}
                disabled={confirm.isPending || timedOut || lockout.locked}
              />
              <div className="dialog__actions">
                <button type="button" className="button button--secondary" onClick={() => setStep("scan")} disabled={confirm.isPending}>
                  Back
                </button>
                <button type="submit" className="button button--primary" disabled={confirm.isPending || timedOut || lockout.locked}>
                  {confirm.isPending ? "Checking…" : "Turn on"}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </Modal>
  );
}

interface ScanStepProps {
  setup: TwoFactorSetup | undefined;
  appName: string;
  secondsLeft: number | null;
  loading: boolean;
  onNext: () => void;
  onCancel: () => void;
}

function ScanStep({ setup, appName, secondsLeft, loading, onNext, onCancel }: ScanStepProps) {
  return (
    <div className="two-factor-scan">
      <p className="dialog__lead">Scan this code with an authenticator app such as 1Password, Google Authenticator or Authy.</p>
      <div className="two-factor-scan__qr">
        {setup ? (
          <img src={qrDataUri(setup.qr_code_svg)} alt="QR code for your authenticator app" width={192} height={192} />
        ) : loading ? (
          <>
            <span className="visually-hidden">Preparing your QR code…</span>
            <Skeleton width="192px" height="192px" />
          </>
        ) : null}
      </div>
      {setup ? (
        <details className="disclosure">
          <summary>Can&apos;t scan it? Type the key instead</summary>
          <div className="disclosure__body">
            <p className="field__label" id="two-factor-secret-label">
              Setup key
            </p>
            <div className="secret-row">
              <code className="secret" aria-labelledby="two-factor-secret-label" data-testid="two-factor-secret">
                {groupedSecret(setup.secret)}
              </code>
              <CopyButton value={setup.secret} label="Copy setup key" copiedMessage="Setup key copied" />
            </div>
            <p className="muted">Time-based (TOTP), SHA-1, 6 digits, every 30 seconds, issuer “{appName}”.</p>
            <div className="secret-row">
              <span className="muted">Setup link for desktop apps and password managers</span>
              <CopyButton value={setup.otpauth_uri} label="Copy setup link" copiedMessage="Setup link copied" />
            </div>
          </div>
        </details>
      ) : null}
      {secondsLeft !== null && secondsLeft > WARN_AT_SECONDS ? (
        <p className="muted">This setup expires in {Math.ceil(secondsLeft / 60)} minutes.</p>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button--primary" onClick={onNext} disabled={!setup}>
          Next: enter a code
        </button>
      </div>
    </div>
  );
}
