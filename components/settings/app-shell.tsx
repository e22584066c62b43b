import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Brand } from "@/components/ui/brand";
import { HashFocus } from "./hash-focus";
import { SettingsNav } from "./settings-nav";

interface AppShellProps {
  email: string;
  isStaff: boolean;
  children: ReactNode;
}

/** The signed-in frame shared by /settings and /admin. */
export function AppShell({ email, isStaff, children }: AppShellProps) {
  return (
    <div className="app-shell">
      <header className="app-header">
        <Brand href="/settings/profile" />
        <div className="app-header__account">
          <span className="app-header__email">
            <span className="visually-hidden">Signed in as </span>
            {email}
          </span>
          <SignOutButton />
        </div>
      </header>
      <div className="app-shell__body">
        <SettingsNav showStaffItems={isStaff} />
        <main id="main" tabIndex={-1} className="app-main">
          {children}
        </main>
      </div>
      <HashFocus />
    </div>
  );
}
