"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { useResendVerification, useVerifyEmail } from "@/lib/client/use-email-change";
import { VERIFY_EMAIL_ERROR_CODES } from "@/lib/email-change/verify-codes";

type Outcome = "checking" | "success" | "expired" | "invalid" | "taken" | "throttled" | "failed";

/** Checks the mailed link once, on arrival, and says plainly what happened and what to do next. */
export function VerifyEmail({ uuid, token }: { uuid: string; token: string }) {
  const verify = useVerifyEmail();
  const resend = useResendVerification();
  const started = useRef(false);
  const complete = Boolean(uuid && token);

  useEffect(() => {
    // Once only (development renders effects twice): the link works a single time.
    if (started.current || !complete) return;
    started.current = true;
    verify.mutate({ uuid, token });
  }, [complete, uuid, token, verify]);

  let outcome: Outcome = "checking";
  if (!complete) outcome = "invalid";
  else if (verify.isSuccess) outcome = "success";
  else if (verify.isError) {
    const { status, body } = verify.error;
    if (status === 429) outcome = "throttled";
    else if (body.code === VERIFY_EMAIL_ERROR_CODES.expired) outcome = "expired";
    else if (body.code === VERIFY_EMAIL_ERROR_CODES.invalid) outcome = "invalid";
    else if (body.code === VERIFY_EMAIL_ERROR_CODES.taken) outcome = "taken";
    else outcome = "failed";
  }

  const resendButton = (
    <>
      <button type="button" className="button button--primary" onClick={() => resend.mutate({ uuid })} disabled={resend.isPending || resend.isSuccess}>
        {resend.isPending ? "Sending…" : "Send a new link"}
      </button>
      {resend.isSuccess ? <p role="status">If this link was yours, a new one is on its way. Check your inbox.</p> : null}
      {resend.isError ? <FormAlert>{resend.error.status === 429 ? "Too many links sent today. Try again tomorrow." : resend.error.body.detail}</FormAlert> : null}
    </>
  );

  return (
    <div className="verify-email" aria-live="polite">
      {outcome === "checking" ? (
        <>
          <h1>Checking your link…</h1>
          <p className="muted">This takes a moment.</p>
        </>
      ) : null}
      {outcome === "success" ? (
        <>
          <h1>Email address confirmed</h1>
          <p>Your address is verified. If you changed it, sign in with the new address from now on; other devices were signed out.</p>
          <p>
            <Link className="button button--primary" href="/settings/profile">
              Go to your profile
            </Link>
          </p>
        </>
      ) : null}
      {outcome === "expired" ? (
        <>
          <h1>This link has expired</h1>
          <p>Verification links only work for a limited time. Nothing was changed. Ask for a new link and open it soon.</p>
          {resendButton}
        </>
      ) : null}
      {outcome === "invalid" ? (
        <>
          <h1>This link doesn&apos;t work</h1>
          <p>
            It may have been used already, replaced by a newer link, or copied incompletely. Nothing was changed. Use the newest link we sent,
            or ask for a new one from your <Link href="/settings/profile">profile</Link>.
          </p>
        </>
      ) : null}
      {outcome === "taken" ? (
        <>
          <h1>This address is no longer available</h1>
          <p>Another account started using it in the meantime, so your email address was not changed.</p>
        </>
      ) : null}
      {outcome === "throttled" ? (
        <>
          <h1>Too many attempts</h1>
          <p>We stopped checking links for this account for a while. Try the newest link again later.</p>
        </>
      ) : null}
      {outcome === "failed" ? (
        <>
          <h1>We couldn&apos;t check your link</h1>
          <FormAlert>Something went wrong on our side. Reload this page to try again.</FormAlert>
        </>
      ) : null}
    </div>
  );
}
