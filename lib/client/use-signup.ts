"use client";

import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { SignupResult, signupSchema } from "@/lib/users/schemas";
import { apiFetch, type ApiClientError } from "./api-client";

export function useSignup() {
  return useMutation<SignupResult, ApiClientError, z.output<typeof signupSchema>>({
    mutationFn: (input) => apiFetch<SignupResult>("/api/signup", { method: "POST", body: input }),
  });
}
