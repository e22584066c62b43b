import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { env } from "@/lib/env";
import { lifetimeText } from "@/lib/users/password-reset-schemas";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1>Forgot your password?</h1>
      <p className="muted">Enter the email address of your {env.appName} account and we&apos;ll mail you a link to choose a new password.</p>
      <ForgotPasswordForm lifetime={lifetimeText(env.passwordResetTtlSeconds)} />
      <p className="auth-switch">
        Remembered it? <Link href="/signin">Sign in</Link>
      </p>
    </>
  );
}
