"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { isTwoFactorSetupPage, TWO_FACTOR_SETUP_URL } from "@/lib/auth/two-factor-setup";
import { useMe } from "@/lib/client/use-me";
import { mustSetUpTwoFactor } from "@/lib/users/permissions";

/**
 * Why the setup page is the only page: shown above it while the user's organization enforces
 * two-factor and they have not set it up. The layout around it persists across client
 * navigation (the server's redirect does not run again then), so it also sends the user back to
 * the setup page from any other settings page, and stops once the user's data says two-factor is on.
 */
export function TwoFactorRequiredNotice() {
  const { data: me } = useMe();
  const pathname = usePathname();
  const required =
    me !== undefined &&
    mustSetUpTwoFactor({ via: "session", twoFactorEnabled: me.is_2fa_enabled, currentOrganizationEnforces2fa: me.organization?.enforce_2fa === true });
  const elsewhere = required && !isTwoFactorSetupPage(pathname);

  useEffect(() => {
    // A full load, not router.replace: the server decides afresh (two-factor may be on by now), and
    // the client router doubles the #fragment on this replace (Next 16).
    if (elsewhere) window.location.replace(TWO_FACTOR_SETUP_URL);
  }, [elsewhere]);

  if (!required) return null;
  return (
    <div className="two-factor-required">
      <FormAlert tone="info">
        <span>
          <strong>Your organization requires two-factor authentication.</strong> Set it up on this page to use the rest of
          your account.
        </span>
        <a href="#two-factor">Set up two-factor</a>
      </FormAlert>
    </div>
  );
}
