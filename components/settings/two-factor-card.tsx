"use client";

import { useId, useRef, useState } from "react";
import { useAnnounce } from "@/components/ui/announcer";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { Icon } from "@/components/ui/icon";
import { Modal } from "@/components/ui/modal";
import { Skeleton } from "@/components/ui/skeleton";
import { useMe } from "@/lib/client/use-me";
import { useRegenerateBackupCodes, useTwoFactorStatus, type TwoFactorStatus } from "@/lib/client/use-two-factor";
import { BackupCodesPanel } from "./backup-codes-panel";
import { SettingsCard } from "./settings-card";
import { TwoFactorDisableDialog } from "./two-factor-disable-dialog";
import { TwoFactorSetupDialog } from "./two-factor-setup-dialog";

const BACKUP_CODES_ISSUED = 10;
const FEW_CODES_LEFT = 3;

type Open = "setup" | "regenerate" | "disable" | null;

export function TwoFactorCard({ appName }: { appName: string }) {
  const status = useTwoFactorStatus();
  const me = useMe();
  const regenerate = useRegenerateBackupCodes();
  const announce = useAnnounce();
  const [open, setOpen] = useState<Open>(null);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const codesHeadingId = useId();
  const codesHeadingRef = useRef<HTMLHeadingElement>(null);
  const email = me.data?.email ?? "";

  function confirmRegenerate() {
    setFailure(null);
    regenerate.mutate(undefined, {
      onSuccess: ({ backup_codes }) => {
        setOpen(null);
        setConfirmingClose(false);
        setNewCodes(backup_codes);
        announce("New backup codes generated");
      },
      onError: (error) => {
        setOpen(null);
        setFailure(error.isRetryable ? "We couldn't generate new codes. Check your connection and try again." : error.body.detail);
      },
    });
  }

  const state = status.data;

  return (
    <SettingsCard
      id="two-factor"
      title="Two-factor authentication"
      description="Ask for a code from an authenticator app as well as your password when you sign in."
      busy={status.isPending}
    >
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      {!state ? (
        status.isPending ? (
          <div className="facts-skeleton">
            <span className="visually-hidden">Loading two-factor status…</span>
            <Skeleton width="40%" />
            <Skeleton width="60%" />
          </div>
        ) : (
          <FormAlert>
            <p>We couldn&apos;t load your two-factor status.</p>
            <button type="button" className="button button--secondary button--small" onClick={() => void status.refetch()}>
              Retry
            </button>
          </FormAlert>
        )
      ) : (
        <StatusDetails
          state={state}
          onSetUp={() => setOpen("setup")}
          onRegenerate={() => setOpen("regenerate")}
          onDisable={() => setOpen("disable")}
        />
      )}

      <TwoFactorSetupDialog open={open === "setup"} email={email} appName={appName} onClose={() => setOpen(null)} />

      <ConfirmDialog
        open={open === "regenerate"}
        title="Generate new backup codes?"
        confirmLabel="Generate new codes"
        busyLabel="Generating…"
        busy={regenerate.isPending}
        onConfirm={confirmRegenerate}
        onCancel={() => setOpen(null)}
      >
        <p>
          {state && state.backup_codes_remaining > 0
            ? `Your ${state.backup_codes_remaining} unused ${state.backup_codes_remaining === 1 ? "code stops" : "codes stop"} working right away.`
            : "You get ten new codes."}{" "}
          Save the new ones before you close the next screen.
        </p>
      </ConfirmDialog>

      <Modal open={newCodes !== null} labelledBy={codesHeadingId} onCancel={() => setConfirmingClose(true)} className="dialog--wide">
        {newCodes ? (
          <BackupCodesPanel
            codes={newCodes}
            email={email}
            appName={appName}
            headingId={codesHeadingId}
            headingRef={codesHeadingRef}
            title="Save your new backup codes"
            confirmingClose={confirmingClose}
            onKeepOpen={() => setConfirmingClose(false)}
            onClose={() => setNewCodes(null)}
          />
        ) : null}
      </Modal>

      <TwoFactorDisableDialog
        open={open === "disable"}
        onClose={() => setOpen(null)}
        onDisabled={() => {
          setOpen(null);
          announce("Two-factor authentication is off");
        }}
      />
    </SettingsCard>
  );
}

interface StatusDetailsProps {
  state: TwoFactorStatus;
  onSetUp: () => void;
  onRegenerate: () => void;
  onDisable: () => void;
}

function StatusDetails({ state, onSetUp, onRegenerate, onDisable }: StatusDetailsProps) {
  if (!state.is_enabled) {
    return (
      <>
        <p className="two-factor-status">
          <span className="badge badge--neutral">Disabled</span>
          <span>Signing in needs only your password.</span>
        </p>
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={onSetUp}>
            Set up two-factor
          </button>
        </div>
      </>
    );
  }
  const remaining = state.backup_codes_remaining;
  const few = remaining <= FEW_CODES_LEFT;
  return (
    <>
      <p className="two-factor-status">
        <span className="badge badge--success">
          <Icon name="check" size={12} />
          Enabled
        </span>
        <span>Authenticator app (TOTP)</span>
      </p>
      <p className="two-factor-codes" id="backup-codes-remaining">
        Backup codes: {remaining} of {BACKUP_CODES_ISSUED} left
        {few ? <span className="badge badge--warning">{remaining === 0 ? "None left" : "Running low"}</span> : null}
      </p>
      {few ? (
        <p className="field__help">
          {remaining === 0
            ? "You have no backup codes left. Generate new ones so you can still sign in without your phone."
            : "Generate new codes soon so you can still sign in without your phone."}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onRegenerate} aria-describedby="backup-codes-remaining">
          Generate new backup codes
        </button>
        <button type="button" className="button button--secondary button--danger-text" onClick={onDisable}>
          Turn off two-factor
        </button>
      </div>
    </>
  );
}
