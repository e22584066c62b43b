import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { createAccount } from "@/lib/users/accounts";

export const TEST_PASSWORD = "correct-horse-battery-staple";

/** A user of this test's own (unique email), with a personal organization and team. */
export async function createTestUser(options: { staff?: boolean; firstName?: string } = {}) {
  const user = await createAccount({
    email: `user-${randomUUID()}@test.local`,
    password: TEST_PASSWORD,
    firstName: options.firstName ?? "Test",
    isStaff: options.staff ?? false,
    isEmailVerified: true,
  });
  return user;
}

export function reloadUser(id: number) {
  return db().user.findUniqueOrThrow({ where: { id } });
}

/** How many of the user's sessions can still authenticate (not revoked). */
export function liveSessions(userId: number) {
  return db().session.count({ where: { userId, revokedAt: null } });
}

/** One more organization (with `teams` teams) that `userId` belongs to. */
export async function addOrganization(userId: number, teams = 1) {
  const suffix = randomBytes(4).toString("hex");
  return db().organization.create({
    data: {
      name: `Extra ${suffix}`,
      slug: `extra-${suffix}`,
      teams: {
        create: Array.from({ length: teams }, (_, i) => ({ name: `Team ${i + 1}`, apiToken: `phc_${randomBytes(24).toString("base64url")}` })),
      },
      memberships: { create: { userId, level: 1 } },
    },
    include: { teams: { orderBy: { id: "asc" } } },
  });
}
