import { randomBytes } from "node:crypto";
import type { AppPrismaClient } from "@/lib/db/create-client";
import { SAME_ORIGIN, expect, test, type TestUser } from "./support/fixtures";
import { signInPage } from "./support/browser";

/** One more organization of `user`'s, with these projects; cleaned up with the user's memberships. */
async function addOrganization(prisma: AppPrismaClient, user: TestUser, name: string, projects: string[]) {
  return prisma.organization.create({
    data: {
      name,
      slug: `e2e-${randomBytes(8).toString("hex")}`,
      teams: { create: projects.map((project) => ({ name: project, apiToken: `phc_${randomBytes(18).toString("base64url")}` })) },
      memberships: { create: { userId: user.id, level: 1 } },
    },
    include: { teams: { orderBy: { id: "asc" } } },
  });
}

const switcher = (page: import("@playwright/test").Page) => page.getByRole("banner").getByRole("group", { name: "Current organization and project" });

test("the header's switcher changes the current organization and project, and the shell and @me follow", async ({ page, prisma, account, userApi }) => {
  const second = await addOrganization(prisma, account, "Second org", ["Alpha", "Beta"]);
  await signInPage(page, account);
  await page.goto("/settings/profile");
  const group = switcher(page);
  await expect(group.getByLabel("Organization")).toHaveValue(account.organizationId);
  await expect(group).toContainText("Default project");

  await group.getByLabel("Organization").selectOption({ label: "Second org" });
  await expect(group.getByLabel("Project")).toHaveValue(String(second.teams[0]!.id));
  await expect(page.getByRole("status").filter({ hasText: "Switched to Second org." })).toBeVisible();
  let me = await (await userApi.get("/api/users/@me")).json();
  expect({ organization: me.organization.id, team: me.team.name }).toEqual({ organization: second.id, team: "Alpha" });

  await group.getByLabel("Project").selectOption({ label: "Beta" });
  await expect(page.getByRole("status").filter({ hasText: "Switched to Beta." })).toBeVisible();
  me = await (await userApi.get("/api/users/@me")).json();
  expect(me.team.id).toBe(second.teams[1]!.id);

  await page.reload();
  await expect(switcher(page).getByLabel("Project")).toHaveValue(String(second.teams[1]!.id));
  await expect(switcher(page).getByLabel("Organization")).toHaveValue(second.id);
});

test("a failed switch says so and leaves the current project shown", async ({ page, prisma, account }) => {
  await addOrganization(prisma, account, "Second org", ["Alpha"]);
  await signInPage(page, account);
  await page.goto("/settings/profile");
  await page.route("**/api/users/@me", (route) => (route.request().method() === "PATCH" ? route.fulfill({ status: 503, body: "" }) : route.fallback()));
  const group = switcher(page);
  await group.getByLabel("Organization").selectOption({ label: "Second org" });
  await expect(group.getByRole("alert")).toContainText("Couldn't switch organization");
  await expect(group.getByLabel("Organization")).toHaveValue(account.organizationId);
});

test("a single organization and project are shown as names, not as empty menus", async ({ page, account }) => {
  await signInPage(page, account);
  await page.goto("/settings/profile");
  const group = switcher(page);
  await expect(group).toContainText("Default project");
  await expect(group.getByRole("combobox")).toHaveCount(0);
});

test("a scene's default dashboard is chosen from the current project's dashboards and kept", async ({ page, prisma, account, userApi }) => {
  // Created out of alphabetical order: the picker lists them by name.
  const retention = await prisma.dashboard.create({ data: { teamId: account.teamId, name: "Retention" } });
  const overview = await prisma.dashboard.create({ data: { teamId: account.teamId, name: "Overview" } });
  await prisma.dashboard.create({ data: { teamId: account.teamId, name: "Old and deleted", deleted: true } });
  const elsewhere = await addOrganization(prisma, account, "Second org", ["Alpha"]);
  await prisma.dashboard.create({ data: { teamId: elsewhere.teams[0]!.id, name: "Alpha board" } });

  await signInPage(page, account);
  await page.goto("/settings/preferences");
  const card = page.getByRole("region", { name: "Default dashboards" });
  const homepage = card.getByLabel("Project homepage");
  await expect(homepage.getByRole("option")).toHaveText(["Choose a dashboard", "Overview", "Retention"]);
  await homepage.selectOption({ label: "Retention" });
  await expect(card.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await card.getByLabel("Person pages").selectOption({ label: "Overview" });
  await expect(card.getByRole("status").filter({ hasText: "Saved" })).toHaveCount(2);

  const me = await (await userApi.get("/api/users/@me")).json();
  expect(me.scene_personalisation).toEqual([
    { scene: "ProjectHomepage", dashboard: retention.id },
    { scene: "Person", dashboard: overview.id },
  ]);
  await page.reload();
  await expect(page.getByRole("region", { name: "Default dashboards" }).getByLabel("Project homepage")).toHaveValue(String(retention.id));

  // Another project has its own dashboards and choices.
  await switcher(page).getByLabel("Organization").selectOption({ label: "Second org" });
  await expect(page.getByRole("region", { name: "Default dashboards" }).getByLabel("Project homepage").getByRole("option")).toHaveText([
    "Choose a dashboard",
    "Alpha board",
  ]);
});

test("another user's uuid gets 403 for a scene choice and their choices are unchanged", async ({ prisma, account, other, userApi }) => {
  const board = await prisma.dashboard.create({ data: { teamId: other.teamId, name: "Theirs" } });
  const response = await userApi.post(`/api/users/${other.uuid}/scene_personalisation/`, { data: { scene: "ProjectHomepage", dashboard: board.id }, headers: SAME_ORIGIN });
  expect(response.status()).toBe(403);
  expect(await prisma.scenePersonalisation.count({ where: { userId: other.id } })).toBe(0);
  const bad = await userApi.post("/api/users/@me/scene_personalisation/", { data: { scene: "ProjectHomepage", dashboard: "abc" }, headers: SAME_ORIGIN });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).attr).toBe("dashboard");
  expect(await prisma.scenePersonalisation.count({ where: { userId: account.id } })).toBe(0);
});
