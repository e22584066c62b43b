"use client";

import { useId } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Modal } from "@/components/ui/modal";
import type { RevealedApiKey } from "@/lib/client/use-api-keys";

interface ApiKeyRevealDialogProps {
  revealed: { key: RevealedApiKey; kind: "created" | "rolled" } | null;
  onClose: () => void;
}

/** The key's value, exactly once: Esc does not close it, only the button does. */
export function ApiKeyRevealDialog({ revealed, onClose }: ApiKeyRevealDialogProps) {
  const titleId = useId();
  const fieldId = useId();
  return (
    <Modal open={revealed !== null} labelledBy={titleId} onCancel={() => undefined}>
      {revealed ? (
        <>
          <h2 className="dialog__title" id={titleId}>
            {revealed.kind === "created" ? `Key “${revealed.key.label}” created` : `Key “${revealed.key.label}” rolled`}
          </h2>
          <div className="dialog__body">
            <p role="alert">
              <strong>Copy this key now. It will not be shown again.</strong>
              {revealed.kind === "rolled" ? " The previous value of this key has stopped working." : null}
            </p>
            <label className="field__label" htmlFor={fieldId}>
              Personal API key
            </label>
            <div className="form__actions">
              <input id={fieldId} className="input input--mono" readOnly value={revealed.key.value} onFocus={(event) => event.currentTarget.select()} />
              <CopyButton value={revealed.key.value} label="Copy API key" copiedMessage="API key copied" />
            </div>
            <p className="field__help">
              Send it as <code>Authorization: Bearer &lt;key&gt;</code>, for example to <code>/api/users/@me</code>.
            </p>
          </div>
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={onClose}>
              I&apos;ve copied the key
            </button>
          </div>
        </>
      ) : null}
    </Modal>
  );
}
