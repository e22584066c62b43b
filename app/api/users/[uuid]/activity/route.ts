import { endpoint, route } from "@/lib/api/route";
import { publicUrl } from "@/lib/api/public-url";
import { activityPageSchema, activityQuerySchema } from "@/lib/activity/schemas";
import { listActivity } from "@/lib/activity/service";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "users_activity_list",
    summary: "The account's activity",
    description:
      "What happened to the account, newest first: sign-ins (and refused ones, with a reason class), sign-outs, credential and email changes, two-factor, API keys, integrations, and what staff did to it. Each with its time, address and device. Kept for `ACTIVITY_RETENTION_DAYS`. Session only; `@me` (or your own uuid) only.",
    auth: "session",
    scope: "user:read",
    subject: "uuid",
    query: activityQuerySchema,
    response: activityPageSchema,
    handler: ({ request, subject, query }) => listActivity(subject, query, publicUrl(request)),
  }),
});
