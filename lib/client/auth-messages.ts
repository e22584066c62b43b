/** Words next-auth's error codes (from `signIn()` results or the `?error=` query) for people. */
export function signinErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  switch (code) {
    case "CredentialsSignin":
      return "Incorrect email or password.";
    case "throttled":
      return "Too many sign-in attempts. Wait a few minutes, then try again.";
    case "unavailable":
      return "Sign-in is unavailable right now. Try again in a moment.";
    case "2fa_required":
      return "Enter the code from your authenticator app to finish signing in.";
    case "2fa_required_passkey":
      return "Enter the code from your authenticator app, or use a passkey, to finish signing in.";
    case "passkey_invalid":
      return "That passkey didn't work. Try again, or sign in with your password.";
    case "passkey_cancelled":
      return "Signing in with a passkey was cancelled.";
    case "2fa_invalid":
      return "That code didn't work. Enter the code your app shows now, or use a backup code.";
    case "SessionRequired":
      return "Sign in to continue.";
    default:
      return "We couldn't sign you in. Try again.";
  }
}

export const SIGNUP_DISABLED_MESSAGE =
  "Sign-up is turned off on this instance. Ask an administrator to create an account for you.";
