"use client";

import { useId, type MouseEvent, type Ref } from "react";
import { Icon } from "./icon";

export interface ErrorSummaryItem {
  fieldId: string;
  message: string;
}

interface ErrorSummaryProps {
  items: ErrorSummaryItem[];
  /** Problems that belong to no single field. */
  messages?: string[];
  ref?: Ref<HTMLDivElement>;
  title?: string;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string): void {
  const field = document.getElementById(fieldId);
  if (!field) return;
  // Keeps the URL hash untouched; the hash is reserved for card links.
  event.preventDefault();
  field.scrollIntoView({ block: "center" });
  field.focus({ preventScroll: true });
}

/** Takes focus after a failed submit (the caller focuses `ref`) and links to every problem. */
export function ErrorSummary({ items, messages = [], ref, title = "There is a problem" }: ErrorSummaryProps) {
  const titleId = useId();
  if (items.length === 0 && messages.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} aria-labelledby={titleId}>
      <p className="error-summary__title" id={titleId}>
        <Icon name="alert" />
        {title}
      </p>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={item.fieldId}>
            <a href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId)}>
              {item.message}
            </a>
          </li>
        ))}
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
