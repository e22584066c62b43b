"use client";

import { useState } from "react";
import { SettingsCard } from "@/components/settings/settings-card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { useAnnounce } from "@/components/ui/announcer";
import { useRequestEveryoneCredentialReview } from "@/lib/client/use-users";

export function CredentialReviewAllCard() {
  const [open, setOpen] = useState(false);
  const request = useRequestEveryoneCredentialReview();
  const announce = useAnnounce();

  function confirm() {
    request.mutate(undefined, {
      onSuccess: ({ requested }) => {
        setOpen(false);
        announce(`Asked ${requested} ${requested === 1 ? "user" : "users"} to review their credentials`);
      },
    });
  }

  return (
    <SettingsCard id="credential-review" title="Credential review" description="After a suspected leak, ask every user to check their password, API keys and signed-in devices at their next sign-in.">
      {request.isError && !open ? (
        <FormAlert>
          <p>{request.error.body.detail}</p>
        </FormAlert>
      ) : null}
      <div className="admin-action">
        <p className="muted">Nothing is revoked.</p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            request.reset();
            setOpen(true);
          }}
        >
          Ask everyone to review credentials
        </button>
      </div>
      <ConfirmDialog
        open={open}
        title="Ask everyone to review credentials?"
        confirmLabel="Ask everyone"
        busyLabel="Asking…"
        busy={request.isPending}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p>Every user will be shown the credential review page the next time they sign in. Nothing is revoked.</p>
        {request.isError ? <p className="field__error">{request.error.body.detail}</p> : null}
      </ConfirmDialog>
    </SettingsCard>
  );
}
