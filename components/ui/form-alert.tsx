import type { ReactNode } from "react";
import { Icon } from "./icon";

/**
 * Stays in the DOM while empty so screen readers already watch it when a message arrives;
 * `role="alert"` because these messages block progress.
 */
export function FormAlert({ children, tone = "error" }: { children?: ReactNode; tone?: "error" | "info" }) {
  const hasContent = children !== undefined && children !== null && children !== false && children !== "";
  return (
    <div role="alert" className="form-alert" data-tone={tone} data-empty={hasContent ? undefined : "true"}>
      {hasContent ? (
        <>
          <Icon name={tone === "error" ? "alert" : "info"} />
          <div className="form-alert__body">{children}</div>
        </>
      ) : null}
    </div>
  );
}
