"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { SettingsCard } from "@/components/settings/settings-card";
import { Modal } from "@/components/ui/modal";
import { useAnnounce } from "@/components/ui/announcer";
import { useDeleteUser } from "@/lib/client/use-users";

export function DeleteUserCard({ uuid, email, activeSessions }: { uuid: string; email: string; activeSessions: number }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const remove = useDeleteUser(uuid);
  const announce = useAnnounce();
  const router = useRouter();
  const titleId = useId();
  const inputId = useId();
  const consequencesId = useId();
  const matches = typed.trim().toLowerCase() === email.toLowerCase();

  function close() {
    if (!remove.isPending) setOpen(false);
  }

  function confirm() {
    if (!matches) return;
    remove.mutate(undefined, {
      onSuccess: () => {
        announce(`Deleted ${email}`);
        router.push("/admin/users");
      },
    });
  }

  return (
    <SettingsCard id="delete-user" title="Delete user">
      <div className="admin-action">
        <p className="muted">Deletes the account, its API keys, integrations and signed-in devices. This can&apos;t be undone.</p>
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            remove.reset();
            setTyped("");
            setOpen(true);
          }}
        >
          Delete user
        </button>
      </div>
      <Modal open={open} role="alertdialog" labelledBy={titleId} describedBy={consequencesId} onCancel={close}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            confirm();
          }}
        >
          <h2 className="dialog__title" id={titleId}>
            Delete {email}?
          </h2>
          <div className="dialog__body">
            <div id={consequencesId}>
              <p>This removes, for good:</p>
              <ul>
                <li>the account and its profile</li>
                <li>its personal API keys and integrations</li>
                <li>
                  {activeSessions} signed-in {activeSessions === 1 ? "device" : "devices"}
                </li>
              </ul>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={inputId}>
                Type <strong>{email}</strong> to confirm
              </label>
              <input id={inputId} className="input" autoComplete="off" spellCheck={false} value={typed} onChange={(event) => setTyped(event.target.value)} />
            </div>
            {remove.isError ? (
              <p className="field__error" role="alert">
                {remove.error.body.detail}
              </p>
            ) : null}
          </div>
          <div className="dialog__actions">
            <button type="button" className="button button--secondary" onClick={close} disabled={remove.isPending} autoFocus>
              Cancel
            </button>
            <button type="submit" className="button button--danger" disabled={!matches || remove.isPending}>
              {remove.isPending ? "Deleting…" : "Delete user"}
            </button>
          </div>
        </form>
      </Modal>
    </SettingsCard>
  );
}
