import { randomBytes } from "node:crypto";
import { LOCAL_GITHUB_URL } from "../playwright.config";
import { expect, test } from "./support/fixtures";
import { signInPage } from "./support/browser";

/** An organization of this test's own on the local GitHub, installed with `repositories` and reachable by octocat. */
async function githubOrganization(repositories: number): Promise<{ login: string; id: number }> {
  const login = `e2e-${randomBytes(4).toString("hex")}`;
  const response = await fetch(`${LOCAL_GITHUB_URL}/_control/addInstallation`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ account: { login, type: "Organization" }, users: ["octocat"], repositories }),
  });
  expect(response.status).toBe(200);
  return { login, id: (await response.json()).id };
}

async function addRepository(installationId: number, name: string) {
  const response = await fetch(`${LOCAL_GITHUB_URL}/_control/addRepository`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ installationId, name }) });
  expect(response.status).toBe(200);
}

test("connect GitHub, find a repository among 250 and its branches, refresh, and remove it", async ({ page, account, prisma }) => {
  const organization = await githubOrganization(250);
  await signInPage(page, account);
  await page.goto("/settings/integrations");
  const card = page.getByRole("region", { name: "GitHub" });
  await expect(card).toContainText("No GitHub account is connected yet.");

  await card.getByRole("button", { name: "Connect GitHub" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Install .* on$/);
  await page.getByRole("button", { name: `Install on ${organization.login}` }).click();
  await expect(page).toHaveURL(/\/settings\/integrations\?github_link_success=1$/);
  await expect(card.getByRole("alert")).toHaveText("GitHub is connected.");
  const installation = card
    .getByRole("list", { name: "Connected GitHub installations" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: `Remove ${organization.login}` }) });
  await expect(installation).toContainText("Organization");

  const repositories = installation.getByRole("list", { name: `Repositories of ${organization.login}` });
  await expect(repositories.getByRole("button")).toHaveCount(20);
  await expect(installation).toContainText("1–20 of 250");
  await installation.getByRole("searchbox", { name: "Search repositories" }).fill("repo-24");
  await expect(repositories.getByRole("button")).toHaveCount(10);
  await repositories.getByRole("button", { name: `${organization.login}/repo-242` }).click();
  const branches = installation.getByRole("combobox", { name: `Branches of ${organization.login}/repo-242` });
  await expect(branches).toHaveValue("main");
  await expect(branches.getByRole("option")).toHaveText(["main (default)", "develop", "feature/onboarding"]);

  await addRepository(organization.id, "fresh-repo");
  await prisma.gitHubIntegration.updateMany({ where: { userId: account.id }, data: { repositoryCacheUpdatedAt: new Date(Date.now() - 60_000) } });
  await installation.getByRole("button", { name: `Refresh repositories of ${organization.login}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${organization.login}: 251 repositories` })).toBeVisible();
  await installation.getByRole("searchbox", { name: "Search repositories" }).fill("fresh");
  await expect(repositories.getByRole("button", { name: `${organization.login}/fresh-repo` })).toBeVisible();

  await installation.getByRole("button", { name: `Remove ${organization.login}` }).click();
  const dialog = page.getByRole("alertdialog", { name: `Remove ${organization.login}?` });
  await expect(dialog).toHaveAccessibleDescription(/The app stays installed on GitHub/);
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(card).toContainText("No GitHub account is connected yet.");
  expect(await prisma.gitHubIntegration.count({ where: { userId: account.id } })).toBe(0);
});

test("cancelling on GitHub, and GitHub down, each say so on the page", async ({ page, account }) => {
  await signInPage(page, account);
  await page.goto("/settings/integrations");
  await page.getByRole("button", { name: "Connect GitHub" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/github_link_error=access_denied/);
  await expect(page.getByRole("region", { name: "GitHub" }).getByRole("alert")).toHaveText("GitHub was not connected: the installation was cancelled on GitHub.");

  const organization = await githubOrganization(3);
  await page.getByRole("button", { name: "Connect GitHub" }).click();
  await page.getByRole("button", { name: `Install on ${organization.login}` }).click();
  await expect(page).toHaveURL(/github_link_success=1/);
  const installation = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: `Remove ${organization.login}` }) });
  await expect(installation.getByRole("list", { name: `Repositories of ${organization.login}` }).getByRole("button")).toHaveCount(3);
  // GitHub failing is staged for this page's refresh only: other tests share the local GitHub.
  await page.route("**/repos/refresh", (route) => route.fulfill({ status: 503, json: { type: "server_error", code: "github_unavailable", detail: "GitHub can't be reached right now. Try again shortly.", attr: null } }));
  await installation.getByRole("button", { name: `Refresh repositories of ${organization.login}` }).click();
  await expect(installation.getByRole("alert")).toHaveText("GitHub can't be reached right now. Try again in a moment.");
});
