import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SigninForm } from "@/components/auth/signin-form";
import { FormAlert } from "@/components/ui/form-alert";
import { getPagePrincipal } from "@/lib/auth/page-session";
import { safeNextPath } from "@/lib/client/safe-next-path";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

interface SigninPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SigninPage({ searchParams }: SigninPageProps) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await getPagePrincipal()) redirect(next ?? "/settings/profile");
  const error = typeof params.error === "string" ? params.error : null;
  const wasReset = params.reset === "1";

  return (
    <>
      <h1>Sign in</h1>
      {wasReset ? (
        <FormAlert tone="info">Your password has been changed and every device signed out. Sign in with your new password.</FormAlert>
      ) : (
        <p className="muted">Welcome back. Sign in to manage your {env.appName} account.</p>
      )}
      <SigninForm next={next} initialError={error} />
      <p className="auth-switch">
        New here? <Link href="/signup">Create an account</Link>
      </p>
    </>
  );
}
