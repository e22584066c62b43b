import { hkdfSync } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { EncryptJWT } from "jose";
import { encode } from "next-auth/jwt";
import { readSessionClaims } from "@/lib/auth/session-cookie";
import { overrideEnvForTests } from "@/lib/env";

const SID = "0b6e8f3a-1111-4222-8333-444455556666";
const claims = { sub: "6f1c2f5e-0000-4000-8000-000000000001", sid: SID };
const token = () => encode({ token: claims, secret: process.env.NEXTAUTH_SECRET ?? "" });
let restoreEnv = () => {};

afterEach(() => restoreEnv());

describe("reading the session cookie", () => {
  it("reads next-auth's plain cookie over HTTP", async () => {
    expect(await readSessionClaims(`other=1; next-auth.session-token=${await token()}`)).toEqual({
      userUuid: claims.sub, sessionId: SID,
    });
  });

  it("reads only the __Secure- cookie when the app is served over HTTPS", async () => {
    restoreEnv = overrideEnvForTests({ NEXTAUTH_URL: "https://accounts.example.com" });
    const value = await token();
    expect(await readSessionClaims(`next-auth.session-token=${value}`)).toBeNull();
    expect(await readSessionClaims(`__Secure-next-auth.session-token=${value}`)).toMatchObject({ sessionId: SID });
  });

  it("joins a token that next-auth split into numbered chunks", async () => {
    const value = await token();
    const middle = Math.floor(value.length / 2);
    const header = `next-auth.session-token.0=${value.slice(0, middle)}; next-auth.session-token.1=${value.slice(middle)}`;
    expect(await readSessionClaims(header)).toMatchObject({ sessionId: SID });
  });

  it.each([
    ["no cookie", null],
    ["garbage", "next-auth.session-token=not-a-jwe"],
    ["a token missing our claims", { sub: claims.sub }],
    ["a session id that is not a uuid", { sub: claims.sub, sid: "sid-1" }],
    ["a subject that is not a uuid", { sub: "x", sid: SID }],
  ])("answers %s with no session", async (_label, header) => {
    const value = typeof header === "object" && header !== null ? `next-auth.session-token=${await encode({ token: header, secret: process.env.NEXTAUTH_SECRET ?? "" })}` : header;
    expect(await readSessionClaims(value)).toBeNull();
  });

  it.each([
    ["garbage", "next-auth.session-token=not-a-jwe"],
    ["a malformed percent-escape", "next-auth.session-token=%E0%A4%A"],
    ["an empty value", "next-auth.session-token="],
  ])("answers %s with no session, never a throw", async (_label, header) => {
    expect(await readSessionClaims(header)).toBeNull();
  });

  it("refuses a token encrypted with another secret", async () => {
    const foreign = await encode({ token: claims, secret: "some-other-secret-some-other-secret" });
    expect(await readSessionClaims(`next-auth.session-token=${foreign}`)).toBeNull();
  });

  it("follows a changed secret: old tokens stop working, new ones work", async () => {
    const before = await token();
    restoreEnv = overrideEnvForTests({ NEXTAUTH_SECRET: "rotated-secret-rotated-secret-rotated" });
    expect(await readSessionClaims(`next-auth.session-token=${before}`)).toBeNull();
    const after = await encode({ token: claims, secret: "rotated-secret-rotated-secret-rotated" });
    expect(await readSessionClaims(`next-auth.session-token=${after}`)).toMatchObject({ sessionId: SID });
  });

  it("checks exp as next-auth does, with 15 seconds of clock tolerance", async () => {
    const secret = process.env.NEXTAUTH_SECRET ?? "";
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    const justExpired = await encode({ token: claims, secret, maxAge: -5 });
    expect(await readSessionClaims(`next-auth.session-token=${expired}`)).toBeNull();
    expect(await readSessionClaims(`next-auth.session-token=${justExpired}`)).toMatchObject({ sessionId: SID });
  });

  it("accepts only next-auth's own encryption (dir + A256GCM), even under the right key", async () => {
    const key = new Uint8Array(hkdfSync("sha256", process.env.NEXTAUTH_SECRET ?? "", "", "NextAuth.js Generated Encryption Key", 32));
    const encrypt = (enc: string) => new EncryptJWT(claims).setProtectedHeader({ alg: "dir", enc }).setExpirationTime("1h").encrypt(key);
    expect(await readSessionClaims(`next-auth.session-token=${await encrypt("A256GCM")}`)).toMatchObject({ sessionId: SID });
    expect(await readSessionClaims(`next-auth.session-token=${await encrypt("A128CBC-HS256")}`)).toBeNull();
  });
});
