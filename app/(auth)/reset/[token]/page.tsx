import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { FormAlert } from "@/components/ui/form-alert";
import { ApiError } from "@/lib/api/errors";
import { checkPasswordResetToken } from "@/lib/users/password-reset";

export const metadata: Metadata = { title: "Choose a new password" };

interface ResetPageProps {
  params: Promise<{ token: string }>;
}

/** The link's state, read on the server, so a dead link says so before anyone types a password. */
async function linkProblem(token: string): Promise<string | null> {
  try {
    await checkPasswordResetToken(token);
    return null;
  } catch (error) {
    if (error instanceof ApiError) return error.detail;
    throw error;
  }
}

export default async function ResetPasswordPage({ params }: ResetPageProps) {
  const { token } = await params;
  const problem = await linkProblem(token);

  return (
    <>
      <h1>Choose a new password</h1>
      {problem ? (
        <>
          <FormAlert>{problem}</FormAlert>
          <p>
            <Link href="/forgot-password" className="button button--primary button--block">
              Ask for a new link
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="muted">Every device signed in to your account will be signed out. Afterwards, sign in with the new password.</p>
          <ResetPasswordForm token={token} />
        </>
      )}
      <p className="auth-switch">
        <Link href="/signin">Back to sign in</Link>
      </p>
    </>
  );
}
