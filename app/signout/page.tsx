import type { Metadata } from "next";
import Link from "next/link";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getPagePrincipal } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Sign out" };

export default async function SignoutPage() {
  const principal = await getPagePrincipal();

  return (
    <AuthFrame>
      <h1>Sign out</h1>
      {principal ? (
        <>
          <p>
            You&apos;re signed in as <strong>{principal.user.email}</strong>. Signing out ends this session on this
            device.
          </p>
          <div className="form__actions">
            <SignOutButton variant="primary" />
            <Link className="button button--secondary" href="/settings/profile">
              Back to settings
            </Link>
          </div>
        </>
      ) : (
        <p>
          You&apos;re not signed in. <Link href="/signin">Sign in</Link>
        </p>
      )}
    </AuthFrame>
  );
}
