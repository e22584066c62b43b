import type { ReactNode } from "react";

export function PageHeader({ title, description }: { title: string; description?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {description ? <p className="page-header__description">{description}</p> : null}
    </header>
  );
}
