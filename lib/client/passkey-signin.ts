"use client";

import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
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
