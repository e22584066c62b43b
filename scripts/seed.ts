// Demo data for the quick start: a staff admin, a regular user, one organization with two
// teams and a few dashboards. Safe to run again: existing demo accounts are left as they are.
import { closeDb, db } from "@/lib/db/client";
import { createAccount } from "@/lib/users/accounts";

export const DEMO_ACCOUNTS = [
  { email: "admin@example.com", password: "hedgehog-admin-demo", firstName: "Ada", lastName: "Admin", isStaff: true },
  { email: "user@example.com", password: "hedgehog-user-demo", firstName: "Max", lastName: "Hedgehog", isStaff: false },
] as const;

async function ensureDemoOrganization() {
  const existing = await db().organization.findUnique({ where: { slug: "hedgehog-inc" }, include: { teams: true } });
  if (existing) return existing;
  return db().organization.create({
    data: {
      name: "Hedgehog Inc.",
      slug: "hedgehog-inc",
      teams: {
        create: [
          { name: "Web app", apiToken: "phc_demo_web_app", dashboards: { create: [{ name: "Product overview" }, { name: "Retention" }] } },
          { name: "Mobile app", apiToken: "phc_demo_mobile_app", dashboards: { create: [{ name: "Crashes" }, { name: "Weekly actives" }] } },
        ],
      },
    },
    include: { teams: true },
  });
}

const organization = await ensureDemoOrganization();
const firstTeam = organization.teams.sort((a, b) => a.id - b.id)[0];

for (const account of DEMO_ACCOUNTS) {
  let user = await db().user.findUnique({ where: { email: account.email } });
  if (!user) {
    user = await createAccount({ ...account, isEmailVerified: true });
    await db().organizationMembership.create({
      data: { organizationId: organization.id, userId: user.id, level: account.isStaff ? 15 : 1 },
    });
    await db().user.update({
      where: { id: user.id },
      data: { currentOrganizationId: organization.id, currentTeamId: firstTeam?.id ?? null },
    });
  }
}

console.log("\nDemo accounts:");
for (const account of DEMO_ACCOUNTS) {
  console.log(`  ${account.isStaff ? "staff admin" : "regular user"}: ${account.email} / ${account.password}`);
}
await closeDb();
