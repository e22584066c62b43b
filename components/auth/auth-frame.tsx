import { Brand } from "@/components/ui/brand";
import type { ReactNode } from "react";

/** The signed-out frame: app name and one centred panel. */
export function AuthFrame({ children }: { children: ReactNode }) {
  return (
    <div className="auth-frame">
      <header className="auth-frame__header">
        <Brand href="/" />
      </header>
      <main id="main" tabIndex={-1} className="auth-frame__main">
        <div className="panel panel--narrow">{children}</div>
      </main>
    </div>
  );
}
