import type { ReactNode } from "react";
import { SettingsCard } from "./settings-card";

export function ComingSoonCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <SettingsCard id={id} title={title}>
      <p>{children}</p>
      <p className="muted">
        <span className="badge badge--neutral">Coming soon</span> This section isn&apos;t available yet.
      </p>
    </SettingsCard>
  );
}
