"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SettingsCard } from "@/components/settings/settings-card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { useAnnounce } from "@/components/ui/announcer";
import { useSetStaff, useStaffCount } from "@/lib/client/use-users";
import type { UserDto } from "@/lib/users/user-schema";

export function StaffAccessCard({ user, isSelf }: { user: UserDto; isSelf: boolean }) {
  const [isStaff, setIsStaff] = useState(user.is_staff);
  const [open, setOpen] = useState(false);
  const setStaff = useSetStaff(user.uuid);
  const staffCount = useStaffCount();
  const announce = useAnnounce();
  const router = useRouter();

  const lastStaff = isStaff && staffCount.data === 1;
  const reasonId = "staff-access-reason";

  function confirm() {
    setStaff.mutate(!isStaff, {
      onSuccess: (updated) => {
        setOpen(false);
        setIsStaff(updated.is_staff);
        void staffCount.refetch();
        announce(updated.is_staff ? `${user.email} is now staff` : `${user.email} is no longer staff`);
        // Without staff the admin pages are gone for the reader; elsewhere the server facts refresh.
        if (isSelf && !updated.is_staff) router.replace("/settings/profile");
        else router.refresh();
      },
    });
  }

  const action = isStaff ? "Revoke staff" : "Grant staff";

  return (
    <SettingsCard
      id="staff-access"
      title="Staff access"
      description={isStaff ? "This account can see and change every user on this instance." : "Staff can see and change every user on this instance."}
    >
      {setStaff.isError && !open ? (
        <FormAlert>
          <p>{setStaff.error.body.detail}</p>
        </FormAlert>
      ) : null}
      <div className="admin-action">
        <p id={reasonId} className={lastStaff ? "setting-row__reason" : "muted"}>
          {lastStaff
            ? "This is the only staff account, so it can't be demoted. Grant staff to someone else first."
            : isStaff
              ? "Currently staff."
              : "Currently not staff."}
        </p>
        <button
          type="button"
          className="button button--secondary"
          disabled={lastStaff}
          aria-describedby={reasonId}
          onClick={() => {
            setStaff.reset();
            setOpen(true);
          }}
        >
          {action}
        </button>
      </div>
      <ConfirmDialog
        open={open}
        title={isStaff ? `Revoke staff from ${user.email}?` : `Grant staff to ${user.email}?`}
        confirmLabel={action}
        busyLabel={isStaff ? "Revoking…" : "Granting…"}
        busy={setStaff.isPending}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p>
          {isStaff
            ? "They will lose access to the admin pages and to other users' accounts."
            : "They will be able to see, change and delete every user on this instance."}
        </p>
        {isSelf && isStaff ? <p>This is your own account: only another staff member can give staff back to you.</p> : null}
        {setStaff.isError ? (
          <p className="field__error" role="alert">
            {setStaff.error.body.detail}
          </p>
        ) : null}
      </ConfirmDialog>
    </SettingsCard>
  );
}
