"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton({ variant = "secondary" }: { variant?: "primary" | "secondary" }) {
  const [pending, setPending] = useState(false);

  function onSignOut() {
    if (pending) return;
    setPending(true);
    void signOut({ callbackUrl: "/signin" }).catch(() => setPending(false));
  }

  return (
    <button type="button" className={`button button--${variant}`} aria-disabled={pending || undefined} onClick={onSignOut}>
      Sign out
    </button>
  );
}
