"use client";

import {
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  WebAuthnAbortService,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { apiFetch } from "./api-client";
import { webauthnFailure } from "./use-passkeys";

export interface PasskeyAssertion {
  /** The signed response as JSON, for next-auth's `credential` (or `passkey`) field. */
  credential: string;
  /** The challenge's id. */
  challenge: string;
}

/** A fresh single-use challenge from the server, answered by one of the browser's passkeys. */
export async function passkeyAssertion(): Promise<PasskeyAssertion> {
  const { challenge_id, options } = await apiFetch<{ challenge_id: string; options: PublicKeyCredentialRequestOptionsJSON }>("/api/auth/passkey/options", { method: "POST" });
  const response = await startAuthentication({ optionsJSON: options }).catch((error: unknown) => {
    throw webauthnFailure(error);
  });
  return { credential: JSON.stringify(response), challenge: challenge_id };
}

/**
 * Passkeys offered in the email field's autofill (conditional mediation), where the browser can:
 * resolves when the person picks one, and with null when the browser cannot, the page is left, or
 * the budget is spent. Any other passkey prompt (the button) ends this request.
 */
export async function passkeyFromAutofill(): Promise<PasskeyAssertion | null> {
  try {
    if (!(await browserSupportsWebAuthnAutofill())) return null;
    const { challenge_id, options } = await apiFetch<{ challenge_id: string; options: PublicKeyCredentialRequestOptionsJSON }>("/api/auth/passkey/autofill_options", { method: "POST" });
    const response = await startAuthentication({ optionsJSON: options, useBrowserAutofill: true });
    return { credential: JSON.stringify(response), challenge: challenge_id };
  } catch {
    return null;
  }
}

export function stopPasskeyAutofill(): void {
  WebAuthnAbortService.cancelCeremony();
}
