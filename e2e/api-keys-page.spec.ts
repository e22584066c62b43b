import type { Page } from "@playwright/test";
import { signInPage } from "./support/browser";
import { expect, test } from "./support/fixtures";

// The key API is built on its own branch; these tests answer for it in the browser (page.route).
// The real end-to-end spec arrives with the merge.
type Key = { id: string; label: string; scopes: string[]; mask_value: string; created_at: string; last_used_at: string | null; last_rolled_at: string | null };

function fakeKeyApi(page: Page, initial: Key[] = []) {
  const state = { keys: [...initial], deleted: [] as string[], created: [] as unknown[] };
  let serial = 0;
  const page_ = () => ({ count: state.keys.length, next: null, previous: null, results: state.keys });
  void page.route("**/api/personal_api_keys", async (route) => {
    const request = route.request();
    if (request.method() === "GET") return route.fulfill({ json: page_() });
    const body = request.postDataJSON() as { label: string; scopes: string[] };
    state.created.push(body);
    serial += 1;
    const key: Key = { id: `new-${serial}`, label: body.label, scopes: body.scopes, mask_value: `phx_...new${serial}`, created_at: new Date().toISOString(), last_used_at: null, last_rolled_at: null };
    state.keys = [key, ...state.keys];
    return route.fulfill({ status: 201, json: { ...key, value: `phx_secret_value_${serial}` } });
  });
  void page.route("**/api/personal_api_keys/**", async (route) => {
    const request = route.request();
    const parts = new URL(request.url()).pathname.split("/").filter(Boolean);
    if (request.method() === "DELETE") {
      const id = parts[parts.length - 1] ?? "";
      state.deleted.push(id);
      state.keys = state.keys.filter((key) => key.id !== id);
      return route.fulfill({ status: 204 });
    }
    if (request.method() === "POST" && parts[parts.length - 1] === "roll") {
      const key = state.keys.find((candidate) => candidate.id === parts[parts.length - 2]);
      if (!key) return route.fulfill({ status: 404, json: { type: "invalid_request", code: "not_found", detail: "Not found.", attr: null } });
      key.last_rolled_at = new Date().toISOString();
      return route.fulfill({ json: { ...key, value: "phx_rolled_value" } });
    }
    return route.fulfill({ status: 405 });
  });
  return state;
}

test.describe("the API keys page", () => {
  test("shows an error with Retry when the key API does not answer 2xx", async ({ page, account }) => {
    await signInPage(page, account);
    await page.goto("/settings/api-keys");
    const card = page.getByRole("region", { name: "Personal API keys" });
    await expect(card.getByText("We couldn't load your API keys.")).toBeVisible();
    await expect(card.getByRole("button", { name: "Retry" })).toBeVisible();
  });

  test("explains keys when there are none, creates one and reveals it once", async ({ page, account }) => {
    const api = fakeKeyApi(page);
    await signInPage(page, account);
    await page.goto("/settings/api-keys");
    await expect(page.getByText("You have no personal API keys yet.")).toBeVisible();

    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByText("Give the key a label.")).toBeVisible();
    await expect(page.getByText("Choose at least one kind of access.")).toBeVisible();
    expect(api.created).toEqual([]);

    await page.getByLabel("Label").fill("Deploy script");
    await page.getByLabel(/Read your account/).check();
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: "Key “Deploy script” created" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText("It will not be shown again.")).toBeVisible();
    await expect(dialog.getByLabel("Personal API key")).toHaveValue("phx_secret_value_1");
    await expect(dialog.getByRole("button", { name: "Copy API key" })).toBeVisible();
    expect(api.created).toEqual([{ label: "Deploy script", scopes: ["user:read"] }]);

    await page.keyboard.press("Escape");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "I've copied the key" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("phx_secret_value_1")).toHaveCount(0);
    const list = page.getByRole("list", { name: "Personal API keys" });
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expect(list).toContainText("Deploy script");
    await expect(list).toContainText("phx_...new1");
    await expect(list).toContainText("user:read");
    await expect(list).toContainText("never used");
  });

  test("rolls a key after confirmation and reveals the new value; revokes one after confirmation", async ({ page, account }) => {
    const api = fakeKeyApi(page, [
      { id: "k1", label: "CI", scopes: ["*"], mask_value: "phx_...abcd", created_at: "2026-11-01T10:00:00Z", last_used_at: "2026-11-20T10:00:00Z", last_rolled_at: null },
      { id: "k2", label: "Old bot", scopes: ["user:read", "user:write"], mask_value: "phx_...wxyz", created_at: "2026-10-01T10:00:00Z", last_used_at: null, last_rolled_at: null },
    ]);
    await signInPage(page, account);
    await page.goto("/settings/api-keys");
    const list = page.getByRole("list", { name: "Personal API keys" });
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list).toContainText("Full access");

    await page.getByRole("button", { name: "Roll CI" }).click();
    const confirm = page.getByRole("dialog", { name: "Roll CI?" });
    await expect(confirm).toContainText("phx_...abcd");
    await confirm.getByRole("button", { name: "Roll key" }).click();
    const reveal = page.getByRole("dialog", { name: "Key “CI” rolled" });
    await expect(reveal.getByLabel("Personal API key")).toHaveValue("phx_rolled_value");
    await reveal.getByRole("button", { name: "I've copied the key" }).click();
    await expect(reveal).toBeHidden();

    await page.getByRole("button", { name: "Revoke Old bot" }).click();
    const revoke = page.getByRole("dialog", { name: "Revoke Old bot?" });
    await revoke.getByRole("button", { name: "Cancel" }).click();
    expect(api.deleted).toEqual([]);
    await page.getByRole("button", { name: "Revoke Old bot" }).click();
    await revoke.getByRole("button", { name: "Revoke key" }).click();
    await expect(list.getByRole("listitem")).toHaveCount(1);
    expect(api.deleted).toEqual(["k2"]);
  });
});
