import { auditActorOf } from "@/lib/admin/audit-log";
import { endpoint, reply, route } from "@/lib/api/route";
import { signalAutonomyInputSchema, signalAutonomySchema } from "@/lib/signals/schemas";
import { deleteSignalAutonomy, getSignalAutonomy, saveSignalAutonomy } from "@/lib/signals/service";

const WHO = "`@me` (or your own uuid); staff may name any active user by uuid. A malformed or unknown id is a 404 for staff and a 403 for everyone else, never a 500.";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  GET: endpoint({
    operationId: "users_signal_autonomy_retrieve",
    summary: "Retrieve the signal autonomy settings",
    description: `The user's opt-in to signal autonomy, or 404 (in the error envelope) when they have not opted in. ${WHO}`,
    scope: "user:read",
    subject: "uuid",
    response: signalAutonomySchema,
    errors: { 404: "Not opted in, or no such user." },
    handler: ({ subject }) => getSignalAutonomy(subject),
  }),
  POST: endpoint({
    operationId: "users_signal_autonomy_create",
    summary: "Opt in to signal autonomy, or change its settings",
    description: `Creates the settings on the first call (201; \`{}\` opts in with every value null) and writes only the keys sent after that (200). Concurrent first calls create one row. ${WHO}`,
    scope: "user:write",
    subject: "uuid",
    body: signalAutonomyInputSchema,
    status: 201,
    response: signalAutonomySchema,
    otherResponses: { 200: { description: "Already opted in: the keys sent were written.", schema: signalAutonomySchema } },
    handler: async ({ request, principal, subject, body }) => {
      const { created, config } = await saveSignalAutonomy(principal, subject, body, auditActorOf(principal, request));
      return created ? config : reply(200, config);
    },
  }),
  DELETE: endpoint({
    operationId: "users_signal_autonomy_destroy",
    summary: "Opt out of signal autonomy",
    description: `Deletes the settings; 204 also when there were none, so a client may call it unconditionally. ${WHO}`,
    scope: "user:write",
    subject: "uuid",
    status: 204,
    handler: ({ request, principal, subject }) => deleteSignalAutonomy(principal, subject, auditActorOf(principal, request)),
  }),
});
