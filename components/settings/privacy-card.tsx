"use client";

import { PreferenceSwitch } from "./preference-switch";
import { UserSettingsCard } from "./user-settings-card";

export function PrivacyCard() {
  return (
    <UserSettingsCard id="privacy" title="Privacy" description="What we learn from how you use the app, and who may see it as you.">
      {(user) => (
        <>
          <PreferenceSwitch
            id="pref-anonymize-data"
            label="Anonymize my usage data"
            description="We record which pages and features you use to improve the product. When on, those events no longer carry your name or email address."
            user={user}
            read={(u) => u.anonymize_data === true}
            write={(on) => ({ anonymize_data: on })}
          />
          <PreferenceSwitch
            id="pref-allow-impersonation"
            label="Let support staff sign in as me"
            description="When you ask for help, staff can see the app exactly as you do, for a limited time. Turn off to refuse every such sign-in."
            user={user}
            // Never chosen means allowed, as in the reference.
            read={(u) => u.allow_impersonation !== false}
            write={(on) => ({ allow_impersonation: on })}
          />
        </>
      )}
    </UserSettingsCard>
  );
}
