"use client";

import { useEffect, useRef, useState } from "react";
import { copyText } from "@/lib/client/clipboard";
import { Icon } from "./icon";
import { useAnnounce } from "./announcer";

interface CopyButtonProps {
  value: string;
  /** Says what is copied, e.g. "Copy user ID"; the visible text stays "Copy". */
  label: string;
  copiedMessage: string;
}

export function CopyButton({ value, label, copiedMessage }: CopyButtonProps) {
  const announce = useAnnounce();
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  async function onCopy() {
    const ok = await copyText(value);
    announce(ok ? copiedMessage : "Couldn't copy. Select the text and copy it yourself.");
    if (!ok) return;
    setCopied(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), 2000);
  }

  return (
    <button type="button" className="button button--small button--ghost" aria-label={label} onClick={onCopy}>
      <Icon name={copied ? "check" : "copy"} />
      <span aria-hidden="true">{copied ? "Copied" : "Copy"}</span>
    </button>
  );
}
