"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { userPatchSchema } from "@/lib/users/schemas";
import type { UserDto } from "@/lib/users/user-schema";
import { apiFetch, type ApiClientError } from "./api-client";
import { queryKeys } from "./query-keys";

export type UserPatchInput = z.input<typeof userPatchSchema>;

const ME_PATH = "/api/users/@me";

export function useMe() {
  return useQuery<UserDto, ApiClientError>({
    queryKey: queryKeys.users.me(),
    queryFn: ({ signal }) => apiFetch<UserDto>(ME_PATH, { signal }),
  });
}

/** PATCH the signed-in user with only the changed fields; the answer becomes the cached user. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation<UserDto, ApiClientError, UserPatchInput>({
    mutationFn: (patch) => apiFetch<UserDto>(ME_PATH, { method: "PATCH", body: patch }),
    onSuccess: async (user) => {
      queryClient.setQueryData(queryKeys.users.me(), user);
      await queryClient.invalidateQueries({ queryKey: queryKeys.users.lists() });
    },
  });
}

/** PATCH `{password, current_password}`: the other sessions end, so the devices list is re-read. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation<UserDto, ApiClientError, Pick<UserPatchInput, "password" | "current_password">>({
    mutationFn: (patch) => apiFetch<UserDto>(ME_PATH, { method: "PATCH", body: patch }),
    onSuccess: (user) => queryClient.setQueryData(queryKeys.users.me(), user),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions.all() }),
  });
}
