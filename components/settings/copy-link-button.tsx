"use client";

import { copyText } from "@/lib/client/clipboard";
import { Icon } from "@/components/ui/icon";
import { useAnnounce } from "@/components/ui/announcer";

/** Copies a link to one card, so any setting can be shared or bookmarked. */
export function CopyLinkButton({ anchor, title }: { anchor: string; title: string }) {
  const announce = useAnnounce();

  async function onCopy() {
    const url = new URL(window.location.href);
    url.hash = anchor;
    const ok = await copyText(url.toString());
    announce(ok ? `Link to ${title} copied` : "Couldn't copy the link.");
  }

  return (
    <button type="button" className="icon-button" aria-label={`Copy link to ${title}`} title="Copy link" onClick={onCopy}>
      <Icon name="link" />
    </button>
  );
}
