"use client";

import { startRegistration, WebAuthnError, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Paginated } from "@/lib/api/pagination";
import type { PasskeyDto } from "@/lib/passkeys/schemas";
import { apiFetch, ApiClientError } from "./api-client";
import { PASSKEYS_PAGE_LIMIT } from "./passkeys-page";
import { queryKeys } from "./query-keys";

const PATH = "/api/users/@me/passkeys";

export function useMyPasskeys() {
  return useQuery<Paginated<PasskeyDto>, ApiClientError>({
    queryKey: queryKeys.passkeys.mine(),
    queryFn: ({ signal }) => apiFetch<Paginated<PasskeyDto>>(`${PATH}?limit=${PASSKEYS_PAGE_LIMIT}`, { signal }),
  });
}

/** The browser's refusal (cancelled, timed out, already registered…) in the envelope the forms show. */
export function webauthnFailure(error: unknown): ApiClientError {
  if (error instanceof ApiClientError) return error;
  const cancelled = error instanceof Error && (error.name === "NotAllowedError" || (error instanceof WebAuthnError && error.code === "ERROR_CEREMONY_ABORTED"));
  const known = error instanceof WebAuthnError && error.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED";
  const detail = known
    ? "This device already holds a passkey for your account."
    : cancelled
      ? "The passkey prompt was cancelled or timed out."
      : "This browser could not create a passkey.";
  return new ApiClientError(400, { type: "validation_error", code: cancelled ? "cancelled" : "webauthn_error", detail, attr: null });
}

/** Options from the server, the browser's prompt, then the server checks and stores the answer. */
export function useAddPasskey() {
  const queryClient = useQueryClient();
  return useMutation<PasskeyDto, ApiClientError, { name: string }>({
    mutationFn: async ({ name }) => {
      const optionsJSON = await apiFetch<PublicKeyCredentialCreationOptionsJSON>(`${PATH}/register/options`, { method: "POST" });
      const credential = await startRegistration({ optionsJSON }).catch((error: unknown) => {
        throw webauthnFailure(error);
      });
      return apiFetch<PasskeyDto>(`${PATH}/register/verify`, { method: "POST", body: { name, credential } });
    },
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.passkeys.all() }), queryClient.invalidateQueries({ queryKey: queryKeys.securityCheckup.mine() })]),
  });
}

export function useRenamePasskey() {
  const queryClient = useQueryClient();
  return useMutation<PasskeyDto, ApiClientError, { id: string; name: string }>({
    mutationFn: ({ id, name }) => apiFetch<PasskeyDto>(`${PATH}/${encodeURIComponent(id)}`, { method: "PATCH", body: { name } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.passkeys.all() }),
  });
}

/** Removing the last passkey turns passkeys for two-factor off: the user is read again too. */
export function useRemovePasskey() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiClientError, string>({
    mutationFn: (id) => apiFetch<void>(`${PATH}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.passkeys.all() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.users.me() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.securityCheckup.mine() }),
      ]),
  });
}
