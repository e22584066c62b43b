"use client";

import { useEffect, useId, useRef, useState, type RefObject } from "react";
import { useAnnounce } from "@/components/ui/announcer";
import { Icon } from "@/components/ui/icon";
import { copyText } from "@/lib/client/clipboard";
import { backupCodesFileName, backupCodesText } from "@/lib/client/two-factor-format";

interface BackupCodesPanelProps {
  codes: string[];
  email: string;
  appName: string;
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  title: string;
  /** "Step 3 of 3" in the setup flow. */
  stepLabel?: string;
  /** Esc was pressed: ask before the codes disappear. */
  confirmingClose: boolean;
  onKeepOpen: () => void;
  onClose: () => void;
}

/** The one screen that shows backup codes: after setup, and after generating new ones. */
export function BackupCodesPanel({ codes, email, appName, headingId, headingRef, title, stepLabel, confirmingClose, onKeepOpen, onClose }: BackupCodesPanelProps) {
  const announce = useAnnounce();
  const [saved, setSaved] = useState(false);
  const savedId = useId();
  const questionRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (confirmingClose) questionRef.current?.focus();
  }, [confirmingClose]);

  useEffect(() => {
    const done = () => document.body.classList.remove("printing-backup-codes");
    window.addEventListener("afterprint", done);
    return () => {
      window.removeEventListener("afterprint", done);
      done();
    };
  }, []);

  function download() {
    const blob = new Blob([backupCodesText(codes, email, appName, new Date())], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = backupCodesFileName(appName);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    announce("Backup codes downloaded");
  }

  async function copyAll() {
    const ok = await copyText(codes.join("\n"));
    announce(ok ? `${codes.length} codes copied` : "Couldn't copy. Select the codes and copy them yourself.");
  }

  function print() {
    document.body.classList.add("printing-backup-codes");
    window.print();
  }

  return (
    <div className="backup-codes">
      <div className="backup-codes__printable">
        {stepLabel ? <p className="dialog__step">{stepLabel}</p> : null}
        <h2 className="dialog__title" id={headingId} ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        <p className="dialog__lead">
          If you lose your phone, each of these codes signs you in once. They won&apos;t be shown again, so keep them somewhere
          safe, such as a password manager.
        </p>
        <ol className="backup-codes__list" aria-label="Backup codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
      </div>
      <div className="backup-codes__actions">
        <button type="button" className="button button--secondary button--small" onClick={download}>
          Download
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => void copyAll()}>
          <Icon name="copy" />
          Copy all
        </button>
        <button type="button" className="button button--secondary button--small" onClick={print}>
          Print
        </button>
      </div>
      {confirmingClose ? (
        <div className="form-alert" data-tone="error" role="alert" tabIndex={-1} ref={questionRef}>
          <Icon name="alert" />
          <div className="form-alert__body">
            <p>Close without saving your backup codes? They won&apos;t be shown again.</p>
            <div className="dialog__actions">
              <button type="button" className="button button--secondary button--small" onClick={onKeepOpen}>
                Keep them open
              </button>
              <button type="button" className="button button--danger button--small" onClick={onClose}>
                Close anyway
              </button>
            </div>
          </div>
        </div>
      ) : null}
      <label className="checkbox" htmlFor={savedId}>
        <input id={savedId} type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        <span>I have stored these codes safely</span>
      </label>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" disabled={!saved} onClick={onClose} aria-describedby={saved ? undefined : `${savedId}-why`}>
          Finish
        </button>
        {saved ? null : (
          <p className="field__help" id={`${savedId}-why`}>
            Tick the box once you&apos;ve saved the codes.
          </p>
        )}
      </div>
    </div>
  );
}
