"use client";

import { useEffect, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { useAnnounce } from "@/components/ui/announcer";
import { FormAlert } from "@/components/ui/form-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { TextField } from "@/components/ui/text-field";
import type { PasswordStrength } from "@/lib/auth/password-rules";
import type { ApiClientError } from "@/lib/client/api-client";
import { applyServerErrors } from "@/lib/client/form-errors";
import { lazyZodResolver } from "@/lib/client/lazy-zod-resolver";
import { minutesAndSeconds, useLockout } from "@/lib/client/use-countdown";
import { useChangePassword, useMe } from "@/lib/client/use-me";
import { useMySessions } from "@/lib/client/use-sessions";
import type { PasswordChangeForm } from "@/lib/users/form-schemas";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/users/limits";
import { SettingsCard } from "./settings-card";

const FIELDS = ["current_password", "password"] as const;
const IDS = { current_password: "password-current", password: "password-new" } as const;

const passwordChangeResolver = lazyZodResolver<PasswordChangeForm>(() =>
  import("@/lib/users/form-schemas").then((module) => module.passwordChangeWithCurrentFormSchema),
);
const passwordSetResolver = lazyZodResolver<PasswordChangeForm>(() => import("@/lib/users/form-schemas").then((module) => module.passwordChangeFormSchema));

type Rules = typeof import("@/lib/auth/password-rules");

/** The server's own rules, fetched when the new-password field is first used (the block-list is large). */
function usePasswordStrength(password: string, email: string, focused: boolean): PasswordStrength | null {
  const [rules, setRules] = useState<Rules | null>(null);
  const wanted = focused || password !== "";
  useEffect(() => {
    if (!wanted || rules) return;
    let live = true;
    void import("@/lib/auth/password-rules").then((loaded) => live && setRules(loaded));
    return () => {
      live = false;
    };
  }, [wanted, rules]);
  return useMemo(() => (rules ? rules.passwordStrength(password, email) : null), [rules, password, email]);
}

function StrengthMeter({ strength, typed }: { strength: PasswordStrength | null; typed: boolean }) {
  const level = strength?.level ?? 0;
  const text = !typed ? "" : strength ? [strength.label, ...strength.problems].join(" ") : "Checking…";
  return (
    <span className="strength" data-level={level}>
      <span className="strength__bars" aria-hidden="true">
        {[1, 2, 3].map((bar) => (
          <span key={bar} className="strength__bar" data-on={typed && level >= bar ? "true" : undefined} />
        ))}
      </span>
      <span className="strength__text">{text ? `Strength: ${text}` : `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters; long passphrases are best, common passwords are refused.`}</span>
    </span>
  );
}

function otherDevicesText(count: number): string {
  if (count <= 0) return "No other device was signed in.";
  return count === 1 ? "1 other device was signed out." : `${count} other devices were signed out.`;
}

export function PasswordCard() {
  const me = useMe();
  const sessions = useMySessions();
  const changePassword = useChangePassword();
  const announce = useAnnounce();
  const lockout = useLockout();
  const [shown, setShown] = useState(false);
  const [newFieldUsed, setNewFieldUsed] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const hasPassword = me.data?.has_password ?? true;
  const email = me.data?.email ?? "";

  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    watch,
    formState: { errors },
  } = useForm<PasswordChangeForm>({
    resolver: hasPassword ? passwordChangeResolver : passwordSetResolver,
    defaultValues: { current_password: "", password: "" },
  });
  const newPassword = watch("password");
  const strength = usePasswordStrength(newPassword, email, newFieldUsed);

  function failed(error: ApiClientError) {
    if (error.status === 401) return;
    if (error.status === 400) {
      const applied = applyServerErrors(error.body, setError, FIELDS);
      const [first] = applied.fields;
      if (first) setFocus(first);
      if (applied.formMessages.length > 0) setAlert(applied.formMessages.join(" "));
      return;
    }
    if (error.status === 429) {
      lockout.lockFor(error.retryAfterSeconds);
      return;
    }
    setAlert(error.isRetryable ? "We couldn't change your password. Check your connection and try again." : error.body.detail);
  }

  function onValid(values: PasswordChangeForm) {
    if (lockout.locked || changePassword.isPending) return;
    setAlert(null);
    setDone(null);
    const othersBefore = Math.max(0, (sessions.data?.count ?? 1) - 1);
    changePassword.mutate(hasPassword ? values : { password: values.password }, {
      onSuccess: () => {
        reset({ current_password: "", password: "" });
        const message = `${hasPassword ? "Password changed." : "Password set."} ${otherDevicesText(othersBefore)}`;
        setDone(message);
        announce(message);
      },
      onError: failed,
    });
  }

  if (me.isPending) {
    return (
      <SettingsCard id="password" title="Password" busy>
        <div className="form-skeleton">
          <span className="visually-hidden">Loading…</span>
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </div>
      </SettingsCard>
    );
  }

  const type = shown ? "text" : "password";
  const busy = changePassword.isPending;
  return (
    <SettingsCard
      id="password"
      title="Password"
      description={hasPassword ? "Changing it signs out every other device." : "Your account has no password yet. Set one to sign in with your email."}
    >
      <form className="form" noValidate onSubmit={handleSubmit(onValid)} aria-label={hasPassword ? "Change password" : "Set a password"}>
        {/* Lets password managers file the new password under the right login. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <FormAlert>{alert}</FormAlert>
        {hasPassword ? (
          <TextField
            id={IDS.current_password}
            label="Current password"
            type={type}
            autoComplete="current-password"
            spellCheck={false}
            autoCapitalize="none"
            registration={register("current_password")}
            error={errors.current_password?.message}
          />
        ) : null}
        <TextField
          id={IDS.password}
          label="New password"
          type={type}
          autoComplete="new-password"
          spellCheck={false}
          autoCapitalize="none"
          registration={register("password")}
          onFocus={() => setNewFieldUsed(true)}
          error={errors.password?.message}
          help={<StrengthMeter strength={strength} typed={newPassword !== ""} />}
        />
        <div>
          <button type="button" className="button button--ghost button--small" aria-pressed={shown} onClick={() => setShown((value) => !value)}>
            {`${shown ? "Hide" : "Show"} ${hasPassword ? "passwords" : "password"}`}
          </button>
        </div>
        {lockout.locked ? (
          <FormAlert>
            <p>Too many attempts. Try again in {minutesAndSeconds(lockout.secondsLeft ?? 0)}.</p>
          </FormAlert>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || lockout.locked || undefined}>
            {hasPassword ? "Change password" : "Set password"}
          </button>
          <p className="form__status" role="status">
            {busy ? "Saving…" : done}
          </p>
        </div>
      </form>
    </SettingsCard>
  );
}
