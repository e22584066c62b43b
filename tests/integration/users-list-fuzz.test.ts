import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/users/route";
import { call, sessionCookie } from "../support/requests";
import { createTestUser } from "../support/users";

// Each hostile query string with what it must get: 200, or a 400 naming the parameter at fault.
const QUERIES: Array<[string, 200 | 400, string?]> = [
  ["email=%00", 400, "email"], ["email=a%00b", 400, "email"], ["email=" + "x".repeat(300), 400, "email"], ["email=%F0%9F%98%80", 200],
  ["is_staff=%00", 400, "is_staff"], ["is_staff=maybe", 400, "is_staff"],
  ["limit=1e3", 400, "limit"], ["limit=-1", 400, "limit"], ["limit=99999999999999999999", 400, "limit"], ["limit=%00", 400, "limit"], ["limit=", 400, "limit"],
  ["offset=99999999999999999999", 400, "offset"], ["offset=2147483648", 200], ["offset=1.5", 400, "offset"], ["offset=-0", 200],
  ["limit=10&limit=abc", 400, "limit"], ["email[]=x", 200], ["offset=0x10", 400, "offset"], ["limit= 5", 400, "limit"],
];

let staffCookie: string;
beforeAll(async () => {
  staffCookie = await sessionCookie(await createTestUser({ staff: true }));
});

describe("GET /api/users under hostile query strings", () => {
  it.each(QUERIES)("?%s is answered %i without a server error", async (query, status, attr) => {
    const response = await call(GET, { path: `/api/users?${query}`, cookie: staffCookie });
    expect(response.status).toBe(status);
    if (status === 400) expect(response.body).toMatchObject({ type: "validation_error", attr });
    else expect(response.body.results).toEqual(expect.any(Array));
  });
});
