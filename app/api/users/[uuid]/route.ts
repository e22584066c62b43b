import { userPatchSensitivity } from "@/lib/users/permissions";
import { endpoint, route } from "@/lib/api/route";
import { json } from "@/lib/api/response";
import { auditActorOf } from "@/lib/admin/audit-log";
import { renewedSessionCookie } from "@/lib/auth/session-cookie";
import { userPatchSchema } from "@/lib/users/schemas";
import { deleteUser, getUser, updateUser } from "@/lib/users/service";
import { userSchema } from "@/lib/users/user-schema";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "users_retrieve",
    allowedDuringTwoFactorSetup: true,
    summary: "Retrieve a user",
    description: "`@me` (or the caller's own uuid) is the caller; staff may retrieve any active user, others get 403.",
    scope: "user:read",
    subject: "uuid",
    subjectDetails: true,
    response: userSchema,
    handler: ({ principal, subject }) => getUser(principal, subject),
  }),
  PATCH: endpoint({
    operationId: "users_partial_update",
    summary: "Update a user's profile and settings",
    description:
      "Only the fields sent change; unknown and read-only fields are ignored. `is_staff` is for staff only. A new `email` needs `current_password` and is staged as `pending_email` until the mailed link is opened (`verify_email`). A staff change to another user is written to the audit log (`GET /api/admin/audit_log`) with each field's value before and after.",
    scope: "user:write",
    subject: "uuid",
    subjectDetails: true,
    sensitive: userPatchSensitivity,
    body: userPatchSchema,
    response: userSchema,
    errors: {
      403: "`email` or `password` from a personal API key, or on another user (staff included): identity changes need the owner's browser session.",
      409: "The last staff user cannot be demoted.",
      429: "An email or password change past its per-user budget: password attempts, wrong current passwords, or verification mails (with `Retry-After`).",
    },
    handler: async ({ request, principal, subject, body }) => {
      const { user, renewedSession } = await updateUser(principal, subject, body, auditActorOf(principal, request));
      if (!renewedSession) return user;
      return json(user, { headers: { "Set-Cookie": await renewedSessionCookie(principal.user, renewedSession) } });
    },
  }),
  DELETE: endpoint({
    operationId: "users_destroy",
    summary: "Delete a user",
    description: "Deletes the account with its memberships, and the organizations it was the only member of. Session only. Staff deleting another user is written to the audit log.",
    auth: "session",
    scope: "user:write",
    subject: "uuid",
    sensitive: true,
    status: 204,
    errors: { 409: "The last staff user cannot be deleted." },
    handler: ({ request, principal, subject }) => deleteUser(subject, auditActorOf(principal, request)),
  }),
});
