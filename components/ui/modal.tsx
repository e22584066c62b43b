"use client";

import { useEffect, useRef, type ReactNode } from "react";

interface ModalProps {
  open: boolean;
  /** The id of the heading that names the dialog (it changes with each step). */
  labelledBy: string;
  /** Esc (the native `cancel` event) asks this; the dialog closes only when `open` turns false. */
  onCancel: () => void;
  className?: string;
  children: ReactNode;
}

/** A modal on the native `<dialog>`: focus is trapped and restored, and the page behind is inert. */
export function Modal({ open, labelledBy, onCancel, className, children }: ModalProps) {
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
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {open ? children : null}
    </dialog>
  );
}
