"use client";

import { SettingsCard } from "@/components/settings/settings-card";
import { FormAlert } from "@/components/ui/form-alert";
import { useAnnounce } from "@/components/ui/announcer";
import { useRequestCredentialReview } from "@/lib/client/use-users";

export function CredentialReviewUserCard({ uuid, email }: { uuid: string; email: string }) {
  const request = useRequestCredentialReview(uuid);
  const announce = useAnnounce();
  return (
    <SettingsCard id="credential-review" title="Credential review" description="At their next sign-in they will be asked to check their password, API keys and signed-in devices.">
      {request.isError ? (
        <FormAlert>
          <p>{request.error.body.detail}</p>
        </FormAlert>
      ) : null}
      <div className="admin-action">
        <p className="muted">{request.isSuccess ? "Requested. They will see it at their next sign-in." : "Nothing is revoked."}</p>
        <button
          type="button"
          className="button button--secondary"
          disabled={request.isPending}
          onClick={() => request.mutate(undefined, { onSuccess: () => announce(`Asked ${email} to review their credentials`) })}
        >
          {request.isPending ? "Asking…" : "Ask to review credentials"}
        </button>
      </div>
    </SettingsCard>
  );
}
