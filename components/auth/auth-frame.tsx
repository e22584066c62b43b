import Link from "next/link";
import type { ReactNode } from "react";

/** The signed-out frame: app name and one centred panel. */
export function AuthFrame({ children }: { children: ReactNode }) {
  return (
    <div className="auth-frame">
      <header className="auth-frame__header">
        <Link className="app-header__brand" href="/">
          <span className="app-header__logo" aria-hidden="true">
            A
          </span>
          App
        </Link>
      </header>
      <main id="main" tabIndex={-1} className="auth-frame__main">
        <div className="panel panel--narrow">{children}</div>
      </main>
    </div>
  );
}
