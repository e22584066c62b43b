import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { errors } from "@/lib/api/errors";
import type { Principal } from "@/lib/auth/principal";
import type { Subject } from "./subject";
import type { UserDto } from "./user-schema";
import { getUser } from "./service";

export const SCENE_MAX_LENGTH = 200;

export const scenePersonalisationSchema = z.object({
  scene: z
    .string({ error: (issue) => (issue.input === undefined ? "Choose a scene." : "The scene must be a string.") })
    .trim()
    .min(1, "Choose a scene.")
    .max(SCENE_MAX_LENGTH, `Scenes are at most ${SCENE_MAX_LENGTH} characters.`),
  dashboard: z.union(
    [z.number().int().positive().max(2_147_483_647), z.string().regex(/^\d{1,9}$/).transform(Number)],
    { error: (issue) => (issue.input === undefined ? "Choose a dashboard." : "The dashboard must be a dashboard id (a whole number).") },
  ),
});
export type ScenePersonalisationInput = z.infer<typeof scenePersonalisationSchema>;

/**
 * Sets the subject's default dashboard for a scene of their current team, in one statement that
 * checks the dashboard and upserts on (user, team, scene), so concurrent posts of one scene leave
 * one row. When nothing was written, a second look says why.
 */
export async function setSceneDashboard(principal: Principal, subject: Subject, input: ScenePersonalisationInput): Promise<UserDto> {
  const teamId = subject.user.currentTeamId;
  const written = teamId === null ? 0 : await db().$executeRaw`
    INSERT INTO scene_personalisations ("userId", "teamId", scene, "dashboardId", "updatedAt")
    SELECT ${subject.user.id}, d."teamId", ${input.scene}, d.id, now()
      FROM dashboards d
     WHERE d.id = ${input.dashboard} AND d."teamId" = ${teamId} AND NOT d.deleted
    ON CONFLICT ("userId", "teamId", scene) DO UPDATE SET "dashboardId" = EXCLUDED."dashboardId", "updatedAt" = now()`;
  if (written === 0) await explainRefusal(input.dashboard, teamId);
  return getUser(principal, subject);
}

async function explainRefusal(dashboardId: number, teamId: number | null): Promise<never> {
  const dashboard = await db().dashboard.findUnique({ where: { id: dashboardId }, select: { teamId: true, deleted: true } });
  if (!dashboard || dashboard.deleted) {
    throw errors.invalidField("dashboard", "does_not_exist", `Dashboard ${dashboardId} does not exist.`);
  }
  if (teamId === null) {
    throw errors.invalidField("dashboard", "invalid_input", "You have no current project; choose one first.");
  }
  throw errors.invalidField("dashboard", "invalid_input", "This dashboard belongs to another project than your current one.");
}

/** The current team's dashboards a scene may default to, for the Preferences page, by name as a picker lists them. */
export async function dashboardsOfTeam(teamId: number | null): Promise<Array<{ id: number; name: string }>> {
  if (teamId === null) return [];
  return db().dashboard.findMany({ where: { teamId, deleted: false }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}
