"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useAnnounce } from "@/components/ui/announcer";
import { FormAlert } from "@/components/ui/form-alert";
import { LocalDate } from "@/components/ui/local-date";
import { apiFetch, askToConfirmIdentity, type ApiClientError } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { useMe } from "@/lib/client/use-me";
import { SettingsCard } from "./settings-card";

const TIME: Intl.DateTimeFormatOptions = { timeStyle: "short" };

/** Secure mode: until when this browser may make sensitive changes without the password, and Lock now. */
export function SecureModeCard() {
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const lock = useMutation<unknown, ApiClientError, void>({
    mutationFn: () => apiFetch("/api/auth/lock", { method: "POST" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.users.me() });
      announce("Secure mode is off");
    },
  });
  const until = me?.sensitive_session_expires_at;
  const on = until ? Date.parse(until) > Date.now() : false;

  return (
    <SettingsCard id="secure-mode" title="Secure mode" description="Changing your password, email, two-factor, keys or connected accounts needs a recent sign-in.">
      {lock.isError ? <FormAlert>{lock.error.body.detail}</FormAlert> : null}
      <div className="admin-action">
        <p>
          {on && until ? (
            <>
              Secure mode until <LocalDate value={until} options={TIME} />: this browser can make sensitive changes without your password.
            </>
          ) : (
            "Secure mode is off: a sensitive change will ask for your password first."
          )}
        </p>
        {on ? (
          <button type="button" className="button button--secondary" disabled={lock.isPending} onClick={() => lock.mutate()}>
            {lock.isPending ? "Locking…" : "Lock now"}
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void askToConfirmIdentity().then((confirmed) => confirmed && announce("Secure mode is on"))}
          >
            Turn on
          </button>
        )}
      </div>
    </SettingsCard>
  );
}
