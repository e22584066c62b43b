import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/users/route";
import { call, sessionCookie } from "../support/requests";
import { createTestUser } from "../support/users";

const QUERIES = [
  "email=%00", "email=a%00b", "email=" + "x".repeat(300), "email=%F0%9F%98%80", "is_staff=%00", "is_staff=maybe",
  "limit=1e3", "limit=-1", "limit=99999999999999999999", "limit=%00", "limit=", "offset=99999999999999999999",
  "offset=2147483648", "offset=1.5", "offset=-0", "limit=10&limit=abc", "email[]=x", "offset=0x10",
];

let staffCookie: string;
beforeAll(async () => {
  staffCookie = await sessionCookie(await createTestUser({ staff: true }));
});

describe("GET /api/users under hostile query strings", () => {
  it.each(QUERIES)("?%s is answered without a server error", async (query) => {
    const response = await call(GET, { path: `/api/users?${query}`, cookie: staffCookie });
    expect(response.status).toBeLessThan(500);
    if (response.status === 400) expect(response.body.attr).toMatch(/^(email|is_staff|limit|offset)$/);
  });
});
