import { endpoint, route } from "@/lib/api/route";
import { scenePersonalisationSchema, setSceneDashboard } from "@/lib/users/scene-personalisation";
import { userSchema } from "@/lib/users/user-schema";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  POST: endpoint({
    operationId: "users_scene_personalisation_create",
    summary: "Set a scene's default dashboard",
    description:
      "Sets the default dashboard for `scene` in the user's current project; posting a scene again replaces its dashboard. The dashboard must exist, not be deleted and belong to the current project. Returns the user, whose `scene_personalisation` lists every choice (all projects). Session only.",
    auth: "session",
    scope: "user:write",
    subject: "uuid",
    body: scenePersonalisationSchema,
    response: userSchema,
    handler: ({ principal, subject, body }) => setSceneDashboard(principal, subject, body),
  }),
});
