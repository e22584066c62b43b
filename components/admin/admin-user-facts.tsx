"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { EmailText } from "@/components/ui/email-text";
import { LocalDate } from "@/components/ui/local-date";
import { SettingsCard } from "@/components/settings/settings-card";
import { AdminUserFlag, LastSignIn, fullName } from "./user-facts";
import type { UserDto } from "@/lib/users/user-schema";

const JOINED_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: "long" };

export function AdminUserFacts({ user, activeSessions }: { user: UserDto; activeSessions: number }) {
  const name = fullName(user);
  return (
    <SettingsCard id="account" title="Account">
      <dl className="facts__list">
        <Fact term="Name">{name || <span className="muted">Not set</span>}</Fact>
        <Fact term="Email">
          <EmailText email={user.email} />
        </Fact>
        <Fact term="Email verified">
          <AdminUserFlag on={user.is_email_verified === true} label="Verified" />
        </Fact>
        <Fact term="Staff">
          <AdminUserFlag on={user.is_staff} label="Staff" accent />
        </Fact>
        <Fact term="Two-factor authentication">
          <AdminUserFlag on={user.is_2fa_enabled} label="On" />
        </Fact>
        <Fact term="Joined">
          <LocalDate value={user.date_joined} options={JOINED_FORMAT} />
        </Fact>
        <Fact term="Last sign-in">
          <LastSignIn value={user.last_login} />
        </Fact>
        <Fact term="Signed-in devices">{activeSessions}</Fact>
        <Fact term="User ID">
          <code className="facts__code">{user.uuid}</code>
          <CopyButton value={user.uuid} label="Copy user ID" copiedMessage="User ID copied" />
        </Fact>
      </dl>
    </SettingsCard>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd className="facts__value">{children}</dd>
    </div>
  );
}

export function AdminUserOrganizations({ user }: { user: UserDto }) {
  return (
    <SettingsCard id="organizations" title="Organizations">
      {user.organizations.length === 0 ? (
        <p className="muted">Not a member of any organization.</p>
      ) : (
        <ul className="device-list">
          {user.organizations.map((organization) => (
            <li key={organization.id} className="device">
              <div className="device__main">
                <p className="device__name">{organization.name}</p>
                <p className="device__meta">
                  {organization.slug}
                  {organization.is_active ? "" : " · inactive"}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </SettingsCard>
  );
}
