import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignupForm } from "@/components/auth/signup-form";
import { FormAlert } from "@/components/ui/form-alert";
import { getPagePrincipal } from "@/lib/auth/page-session";
import { SIGNUP_DISABLED_MESSAGE } from "@/lib/client/auth-messages";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignupPage() {
  if (await getPagePrincipal()) redirect("/settings/profile");

  return (
    <>
      <h1>Sign up</h1>
      {env.signupEnabled ? (
        <>
          <p className="muted">Create your {env.appName} account to get started.</p>
          <SignupForm />
        </>
      ) : (
        <FormAlert tone="info">{SIGNUP_DISABLED_MESSAGE}</FormAlert>
      )}
      <p className="auth-switch">
        Already have an account? <Link href="/signin">Sign in</Link>
      </p>
    </>
  );
}
