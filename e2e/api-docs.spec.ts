import { APP_NAME } from "../playwright.config";
import { expect, test } from "./support/fixtures";

test("the OpenAPI document is public, JSON by default and YAML on request", async ({ anonApi }) => {
  const json = await anonApi.get("/api/schema");
  expect(json.status()).toBe(200);
  const doc = await json.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.paths["/api/users/{uuid}"].patch.operationId).toBe("users_partial_update");
  const yaml = await anonApi.get("/api/schema?format=yaml");
  expect(yaml.headers()["content-type"]).toContain("yaml");
  expect(await yaml.text()).toContain("operationId: users_list");
});

test("/docs renders the reference signed out, from our own origin, within the CSP", async ({ page, baseURL }) => {
  const violations: string[] = [];
  const foreign: string[] = [];
  // zod inside Scalar's bundle probes `new Function("")` once to decide whether it may compile
  // validators; the CSP refuses it and zod falls back. That probe is the one report allowed.
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) => console.log(`csp-violation ${event.violatedDirective} ${event.blockedURI}`)),
  );
  page.on("console", (message) => {
    const text = message.text();
    if (text.startsWith("csp-violation") && text !== "csp-violation script-src eval") violations.push(text);
  });
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL ?? "") && !request.url().startsWith("data:")) foreign.push(request.url());
  });
  const response = await page.goto("/docs");
  expect(response?.headers()["content-security-policy"]).toContain("connect-src 'self'");
  await expect(page.getByRole("heading", { name: `${APP_NAME} API`, level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "users endpoints" }).getByText("/api/users/{uuid}").first()).toBeVisible();
  await page.getByRole("button", { name: "Show all users endpoints" }).click();
  // Scalar renders every operation of the tag after "Show all": with forty of them, that takes a while on a busy machine.
  await expect(page.getByRole("heading", { name: "Update a user's profile and settings" })).toBeVisible({ timeout: 20_000 });
  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);
});
