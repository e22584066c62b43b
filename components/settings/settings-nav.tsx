"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useState, type KeyboardEvent } from "react";
import { Icon } from "@/components/ui/icon";

export interface NavItem {
  href: string;
  label: string;
  /** Load a new document rather than navigate in place: the page's own Content-Security-Policy applies then. */
  documentLoad?: boolean;
}

const SETTINGS_ITEMS: readonly NavItem[] = [
  { href: "/settings/profile", label: "Profile" },
  { href: "/settings/preferences", label: "Preferences" },
  // Its animated hedgehog needs the eval that only its own document's policy allows.
  { href: "/settings/hedgehog", label: "Hedgehog", documentLoad: true },
  { href: "/settings/security", label: "Security" },
  { href: "/settings/activity", label: "Activity" },
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/integrations", label: "Integrations" },
];

function isActive(pathname: string, item: NavItem): boolean {
  if (pathname === item.href || pathname.startsWith(`${item.href}/`)) return true;
  // The Admin item stands for the /admin area as a whole, except where another staff item names the page.
  return item.href === "/admin/users" && pathname === "/admin";
}

/** `staffItems` are chosen on the server (who is staff, which staff tools are enabled). */
export function SettingsNav({ staffItems }: { staffItems: readonly NavItem[] }) {
  const pathname = usePathname();
  const listId = useId();
  const toggleId = useId();
  // Remembering *where* the list was opened closes it by itself after navigating.
  const [openOnPath, setOpenOnPath] = useState<string | null>(null);
  const open = openOnPath === pathname;
  const items = [...SETTINGS_ITEMS, ...staffItems];
  const current = items.find((item) => isActive(pathname, item));

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== "Escape" || !open) return;
    setOpenOnPath(null);
    document.getElementById(toggleId)?.focus();
  }

  return (
    <nav aria-label="Settings" className="settings-nav" onKeyDown={onKeyDown}>
      <button
        type="button"
        id={toggleId}
        className="settings-nav__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpenOnPath(open ? null : pathname)}
      >
        <span>
          <span className="visually-hidden">Settings section: </span>
          {current?.label ?? "Settings"}
        </span>
        <Icon name="chevronDown" />
      </button>
      <ul id={listId} className="settings-nav__list" data-open={open}>
        {items.map((item) => {
          const active = current?.href === item.href;
          return (
            <li key={item.href} className={staffItems.includes(item) ? "settings-nav__item settings-nav__item--staff" : "settings-nav__item"}>
              {item.documentLoad ? (
                <a className="settings-nav__link" href={item.href} aria-current={active ? "page" : undefined}>
                  {item.label}
                </a>
              ) : (
                <Link className="settings-nav__link" href={item.href} aria-current={active ? "page" : undefined}>
                  {item.label}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
