import type { ReactNode } from "react";
import { CopyLinkButton } from "./copy-link-button";

interface SettingsCardProps {
  /** Also the URL fragment that links to this card. */
  id: string;
  title: string;
  description?: ReactNode;
  busy?: boolean;
  children: ReactNode;
}

export function SettingsCard({ id, title, description, busy, children }: SettingsCardProps) {
  return (
    <section className="card" aria-labelledby={id} aria-busy={busy || undefined}>
      <div className="card__header">
        <div>
          <h2 className="card__title" id={id} tabIndex={-1}>
            {title}
          </h2>
          {description ? <p className="card__description">{description}</p> : null}
        </div>
        <CopyLinkButton anchor={id} title={title} />
      </div>
      <div className="card__body">{children}</div>
    </section>
  );
}
