"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

function focusHashTarget(): void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (!id) return;
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: "start" });
  // Card headings carry tabIndex=-1 so a shared link lands keyboard and screen-reader focus too.
  target.focus({ preventScroll: true });
}

/** Makes `/settings/<page>#<card>` scroll to and focus that card, also after client navigation. */
export function HashFocus() {
  const pathname = usePathname();
  useEffect(() => {
    focusHashTarget();
    window.addEventListener("hashchange", focusHashTarget);
    return () => window.removeEventListener("hashchange", focusHashTarget);
  }, [pathname]);
  return null;
}
