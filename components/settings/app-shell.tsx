import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Brand } from "@/components/ui/brand";
import { devOutboxEnabled } from "@/lib/mail/index";
import { mayReadOutbox } from "@/lib/users/permissions";
import { ContextSwitcher } from "./context-switcher";
import { AccountAvatar } from "./account-avatar";
import { HashFocus } from "./hash-focus";
import { SettingsNav, type NavItem } from "./settings-nav";

interface AppShellProps {
  email: string;
  isStaff: boolean;
  children: ReactNode;
}

/** Staff tools, decided on the server: the Outbox only while it is enabled. */
function staffItems(isStaff: boolean): NavItem[] {
  const items: NavItem[] = [];
  if (isStaff) items.push({ href: "/admin/users", label: "Admin" }, { href: "/admin/audit", label: "Audit" });
  if (mayReadOutbox({ isStaff }, devOutboxEnabled())) items.push({ href: "/dev/outbox", label: "Outbox" });
  return items;
}

/** The signed-in frame shared by /settings, /admin and /dev. */
export function AppShell({ email, isStaff, children }: AppShellProps) {
  return (
    <div className="app-shell">
      <header className="app-header">
        <div className="app-header__context">
          <Brand href="/settings/profile" />
          <ContextSwitcher />
        </div>
        <div className="app-header__account">
          <AccountAvatar email={email} />
          <span className="app-header__email">
            <span className="visually-hidden">Signed in as </span>
            {email}
          </span>
          <SignOutButton />
        </div>
      </header>
      <div className="app-shell__body">
        <SettingsNav staffItems={staffItems(isStaff)} />
        <main id="main" tabIndex={-1} className="app-main">
          {children}
        </main>
      </div>
      <HashFocus />
    </div>
  );
}
