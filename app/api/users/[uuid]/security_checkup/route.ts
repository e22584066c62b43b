import { endpoint, route } from "@/lib/api/route";
import { securityCheckup } from "@/lib/users/security-checkup";
import { securityCheckupSchema } from "@/lib/users/security-checkup-schema";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "users_security_checkup_retrieve",
    summary: "The account's security check-up",
    description:
      "Each fact graded `ok`, `warning` or `problem`, with where to fix it: the password (set, and not found on the common list at sign-in), two-factor, backup codes left (a warning at 3 or fewer), API keys never used or unused for 90 days, devices not seen for 30 days, a pending email change, an unverified email. `@me` (or your own uuid) only.",
    scope: "user:read",
    subject: "uuid",
    response: securityCheckupSchema,
    handler: ({ subject }) => securityCheckup(subject),
  }),
});
