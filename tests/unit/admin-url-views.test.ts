import { describe, expect, it } from "vitest";
import { auditLogPath, auditParamsFor, auditQueryString, auditView, changeValue } from "@/lib/client/audit-log";
import { userListSearch } from "@/lib/client/user-list-search";
import { USER_TABLE_PAGE_SIZE, userListParamsFor, userTableQueryString, userTableView } from "@/lib/client/user-table-page";

function reader(query: string) {
  const params = new URLSearchParams(query);
  return (name: string) => params.get(name);
}

describe("the admin users URL", () => {
  it.each([
    ["", { search: "", isStaff: undefined, offset: 0 }],
    ["search=%20ada%20&is_staff=true&offset=50", { search: "ada", isStaff: true, offset: 50 }],
    ["is_staff=false", { search: "", isStaff: false, offset: 0 }],
    ["is_staff=maybe&offset=-5", { search: "", isStaff: undefined, offset: 0 }],
    ["offset=1.5", { search: "", isStaff: undefined, offset: 0 }],
    ["offset=abc", { search: "", isStaff: undefined, offset: 0 }],
  ])("?%s reads as a view", (query, view) => {
    expect(userTableView(reader(query))).toEqual(view);
  });

  it("takes the first of repeated server search params", () => {
    const query: Record<string, string | string[]> = { search: ["ada", "bob"], offset: ["50"] };
    expect(userTableView((name) => query[name])).toEqual({ search: "ada", isStaff: undefined, offset: 50 });
  });

  it("writes only what differs from the default, and reads back what it wrote", () => {
    expect(userTableQueryString({ search: "", isStaff: undefined, offset: 0 })).toBe("");
    const view = { search: "ada@", isStaff: false, offset: 100 };
    const written = userTableQueryString(view);
    expect(written).toBe("?search=ada%40&is_staff=false&offset=100");
    expect(userTableView(reader(written.slice(1)))).toEqual(view);
  });

  it("asks the API for the view, with no keys for unset filters (the prefetch key must match the browser's)", () => {
    expect(userListParamsFor({ search: "", isStaff: undefined, offset: 0 })).toEqual({ limit: USER_TABLE_PAGE_SIZE, offset: 0 });
    const params = userListParamsFor({ search: "ada", isStaff: true, offset: 50 });
    expect(userListSearch(params).toString()).toBe("limit=50&offset=50&search=ada&is_staff=true");
  });
});

describe("the audit URL", () => {
  it("round-trips filters and asks the API with them", () => {
    const view = auditView(reader("action=user.deleted&target=abc&offset=50"));
    expect(view).toEqual({ action: "user.deleted", actor: "", target: "abc", offset: 50 });
    expect(auditQueryString(view)).toBe("?action=user.deleted&target=abc&offset=50");
    expect(auditLogPath(auditParamsFor(view))).toBe("/api/admin/audit_log/?limit=50&offset=50&action=user.deleted&target=abc");
  });

  it.each([
    [null, "—"],
    [undefined, "—"],
    [true, "true"],
    ["a@example.test", "a@example.test"],
    [{ theme: "dark" }, '{"theme":"dark"}'],
  ])("shows a change value %j as %s", (value, shown) => {
    expect(changeValue(value)).toBe(shown);
  });
});
