import { afterEach, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { readSessionClaims } from "@/lib/auth/session-cookie";
import { overrideEnvForTests } from "@/lib/env";

const claims = { sub: "6f1c2f5e-0000-4000-8000-000000000001", sv: 3, sid: "sid-1", authAt: 1_700_000_000_000 };
const token = () => encode({ token: claims, secret: process.env.NEXTAUTH_SECRET ?? "" });
let restoreEnv = () => {};

afterEach(() => restoreEnv());

describe("reading the session cookie", () => {
  it("reads next-auth's plain cookie over HTTP", async () => {
    expect(await readSessionClaims(`other=1; next-auth.session-token=${await token()}`)).toEqual({
      userUuid: claims.sub, sessionVersion: 3, sessionId: "sid-1", authenticatedAt: claims.authAt,
    });
  });

  it("reads only the __Secure- cookie when the app is served over HTTPS", async () => {
    restoreEnv = overrideEnvForTests({ NEXTAUTH_URL: "https://accounts.example.com" });
    const value = await token();
    expect(await readSessionClaims(`next-auth.session-token=${value}`)).toBeNull();
    expect(await readSessionClaims(`__Secure-next-auth.session-token=${value}`)).toMatchObject({ sessionVersion: 3 });
  });

  it("joins a token that next-auth split into numbered chunks", async () => {
    const value = await token();
    const middle = Math.floor(value.length / 2);
    const header = `next-auth.session-token.0=${value.slice(0, middle)}; next-auth.session-token.1=${value.slice(middle)}`;
    expect(await readSessionClaims(header)).toMatchObject({ sessionId: "sid-1" });
  });

  it.each([
    ["no cookie", null],
    ["garbage", "next-auth.session-token=not-a-jwe"],
    ["a token missing our claims", "MISSING"],
  ])("answers %s with no session", async (_label, header) => {
    const value = header === "MISSING" ? `next-auth.session-token=${await encode({ token: { sub: "x" }, secret: process.env.NEXTAUTH_SECRET ?? "" })}` : header;
    expect(await readSessionClaims(value)).toBeNull();
  });
});
