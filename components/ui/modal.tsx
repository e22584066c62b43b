"use client";

import { useEffect, useRef, type ReactNode } from "react";

interface ModalProps {
  open: boolean;
  /** The id of the heading that names the dialog (it changes with each step). */
  labelledBy: string;
  /** `alertdialog` for a destructive confirmation: screen readers announce it, and what it says, at once. */
  role?: "dialog" | "alertdialog";
  /** The id of the text that says what the confirmation will do. */
  describedBy?: string;
  /** Esc (the native `cancel` event) asks this; the dialog closes only when `open` turns false. */
  onCancel: () => void;
  className?: string;
  children: ReactNode;
}

/** A modal on the native `<dialog>`: focus is trapped and restored, and the page behind is inert. */
export function Modal({ open, labelledBy, role, describedBy, onCancel, className, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : "dialog"}
      role={role === "alertdialog" ? role : undefined}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {open ? children : null}
    </dialog>
  );
}
