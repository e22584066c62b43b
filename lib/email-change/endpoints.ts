import "server-only";
import { endpoint } from "@/lib/api/route";
import { selfSubject } from "@/lib/users/subject";
import { getUser } from "@/lib/users/service";
import { userSchema } from "@/lib/users/user-schema";
import { emailSuccessSchema, requestEmailVerificationBodySchema, verifyEmailBodySchema } from "./schemas";
import { cancelEmailChange, requestEmailVerification, verifyEmail } from "./service";

export const verifyEmailEndpoint = endpoint({
  operationId: "users_verify_email_create",
  summary: "Verify an email address from its mailed link",
  description:
    "Public (the link comes from a mail). Verifies a new account's address, or applies a staged change: the address is re-checked inside a transaction (400 `email_taken` if another account took it meanwhile), every other session of the user is signed out and both addresses get a notice. Links are single use, expire (`EMAIL_VERIFICATION_TTL_SECONDS`, 24 hours by default) and only verify the address they were sent to. An unknown uuid, a wrong, used or replaced token all answer 400 `invalid_token`; an expired one `token_expired`. Wrong tokens are counted per uuid (429 past the budget). Never signs anyone in.",
  auth: "public",
  body: verifyEmailBodySchema,
  response: emailSuccessSchema,
  errors: { 429: "Too many wrong links for this user; try again after `Retry-After` seconds." },
  handler: ({ principal, body }) => verifyEmail(principal, body),
});

export const requestEmailVerificationEndpoint = endpoint({
  operationId: "users_request_email_verification_create",
  summary: "Send a new verification link",
  description:
    "Public. Mails a new link to the user's staged address, or to their unverified account address; earlier links stop working. Always answers `{\"success\": true}`, whether or not the uuid exists or anything was sent. Limited per uuid together with email-change mails (6 a day by default): 429 with `Retry-After`.",
  auth: "public",
  body: requestEmailVerificationBodySchema,
  response: emailSuccessSchema,
  errors: { 429: "Too many verification mails for this user; try again after `Retry-After` seconds." },
  handler: ({ principal, body }) => requestEmailVerification(principal, body.uuid),
});

export const cancelEmailChangeEndpoint = endpoint({
  operationId: "users_cancel_email_change_request_partial_update",
  summary: "Cancel the caller's pending email change",
  description: "Session only, for the caller. Clears `pending_email`; the mailed link stops working. 400 `email_change_request_not_found` when nothing is pending.",
  auth: "session",
  scope: "user:write",
  sensitive: true,
  allowedDuringTwoFactorSetup: false,
  response: userSchema,
  handler: async ({ principal }) => getUser(principal, { ...selfSubject(principal), user: await cancelEmailChange(principal) }),
});
