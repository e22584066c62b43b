import { afterEach, describe, expect, it } from "vitest";
import { POST as SIGNIN_OPTIONS } from "@/app/api/auth/passkey/options/route";
import { POST as AUTOFILL_OPTIONS } from "@/app/api/auth/passkey/autofill_options/route";
import { GET as LIST } from "@/app/api/users/[uuid]/passkeys/route";
import { DELETE as REMOVE, PATCH as RENAME } from "@/app/api/users/[uuid]/passkeys/[id]/route";
import { POST as REGISTER_OPTIONS } from "@/app/api/users/[uuid]/passkeys/register/options/route";
import { POST as REGISTER_VERIFY } from "@/app/api/users/[uuid]/passkeys/register/verify/route";
import { PATCH as PATCH_USER } from "@/app/api/users/[uuid]/route";
import { authorizeCredentials, authorizePasskey } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { overrideEnvForTests } from "@/lib/env";
import { fromClient, newClientAddress } from "../support/clients";
import { expectError } from "../support/envelope";
import { bearer, createKeyFor } from "../support/personal-api-keys";
import { call, signedInSession } from "../support/requests";
import { codeFor, enableTwoFactor } from "../support/two-factor";
import { TEST_PASSWORD, createTestUser, reloadUser } from "../support/users";
import { SoftwareAuthenticator } from "../support/webauthn";

type Caller = { cookie?: string; headers?: Record<string, string>; uuid?: string };

const base = (uuid: string) => `/api/users/${uuid}/passkeys`;
const registerOptions = ({ cookie, headers, uuid = "@me" }: Caller = {}) =>
  call(REGISTER_OPTIONS, { method: "POST", path: `${base(uuid)}/register/options`, params: { uuid }, cookie, headers });
const registerVerify = (body: unknown, { cookie, headers, uuid = "@me" }: Caller = {}) =>
  call(REGISTER_VERIFY, { method: "POST", path: `${base(uuid)}/register/verify`, params: { uuid }, cookie, headers, body });
const list = ({ cookie, headers, uuid = "@me" }: Caller = {}) => call(LIST, { path: base(uuid), params: { uuid }, cookie, headers });
const rename = (id: string, body: unknown, { cookie, headers, uuid = "@me" }: Caller = {}) =>
  call(RENAME, { method: "PATCH", path: `${base(uuid)}/${id}`, params: { uuid, id }, cookie, headers, body });
const remove = (id: string, { cookie, headers, uuid = "@me" }: Caller = {}) =>
  call(REMOVE, { method: "DELETE", path: `${base(uuid)}/${id}`, params: { uuid, id }, cookie, headers });
const patchMe = (body: unknown, cookie: string) => call(PATCH_USER, { method: "PATCH", path: "/api/users/@me", params: { uuid: "@me" }, cookie, body });
// Each from an address of its own, so the file never spends one address's challenge budget.
const signinOptions = (headers: Record<string, string> = fromClient(newClientAddress())) => call(SIGNIN_OPTIONS, { method: "POST", path: "/api/auth/passkey/options", headers });

const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0).reverse()) restore();
});
const headers = () => new Headers({ "user-agent": "vitest" });

/** The next-auth error code a refused sign-in throws, or "session" when it signed in. */
async function outcome(attempt: Promise<unknown>): Promise<string> {
  try {
    return (await attempt) ? "session" : "refused";
  } catch (error) {
    return (error as Error).message;
  }
}

async function signedIn() {
  const user = await createTestUser();
  const session = await signedInSession(user);
  return { user, cookie: session.cookie, sessionId: session.id };
}

/** Registers a new software passkey through the two routes, as the Security page does. */
async function addPasskey(cookie: string, name = "Laptop", authenticator = new SoftwareAuthenticator()) {
  const options = await registerOptions({ cookie });
  expect(options.status).toBe(200);
  const response = await registerVerify({ name, credential: authenticator.register(options.body) }, { cookie });
  expect(response.status).toBe(201);
  return { authenticator, passkey: response.body as { id: string; name: string } };
}

/** A signed answer to a fresh sign-in challenge. */
async function signedAssertion(authenticator: SoftwareAuthenticator, counter?: number) {
  const options = await signinOptions();
  expect(options.status).toBe(200);
  const credential = JSON.stringify(authenticator.assert(options.body.options, counter === undefined ? {} : { counter }));
  return { credential, challenge: options.body.challenge_id as string };
}

const rowOf = (id: string) => db().passkey.findUnique({ where: { id } });

describe("registering a passkey", () => {
  it("gives creation options for this site, excluding passkeys already registered, then stores the passkey (201)", async () => {
    const { user, cookie } = await signedIn();
    const options = await registerOptions({ cookie });
    expect(options.status).toBe(200);
    expect(options.body).toMatchObject({
      rp: { id: "localhost" },
      user: { name: user.email },
      attestation: "none",
      authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
      excludeCredentials: [],
    });
    expect(options.body.user.id).not.toContain(user.uuid);
    expect(Buffer.from(options.body.user.id, "base64url").toString()).not.toContain(user.email);

    const authenticator = new SoftwareAuthenticator();
    const created = await registerVerify({ name: "  Laptop  ", credential: authenticator.register(options.body) }, { cookie });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Laptop", last_used_at: null });
    const row = await db().passkey.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row).toMatchObject({ userId: user.id, credentialId: authenticator.id, transports: ["internal"], counter: 0n, lastUsedAt: null });
    expect(row.publicKey.length).toBeGreaterThan(64);
    expect(Date.now() - row.createdAt.getTime()).toBeLessThan(60_000);

    const again = await registerOptions({ cookie });
    expect(again.body.excludeCredentials).toEqual([{ id: authenticator.id, type: "public-key", transports: ["internal"] }]);
  });

  it("names the configured origin as the relying party, whatever Host the request names", async () => {
    const { cookie } = await signedIn();
    for (const host of ["attacker.example", "127.0.0.1:3000"]) {
      const options = await registerOptions({ cookie, headers: { host, "x-forwarded-host": host } });
      expect(options.status).toBe(200);
      expect(options.body.rp.id).toBe("localhost");
    }
  });

  it("refuses a replayed challenge: the second answer to one challenge is a 400 naming credential", async () => {
    const { user, cookie } = await signedIn();
    const options = await registerOptions({ cookie });
    expect((await registerVerify({ name: "First", credential: new SoftwareAuthenticator().register(options.body) }, { cookie })).status).toBe(201);
    const replay = await registerVerify({ name: "Second", credential: new SoftwareAuthenticator().register(options.body) }, { cookie });
    expectError(replay, 400, { type: "validation_error", code: "challenge_expired", attr: "credential" });
    expect(await db().passkey.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses an expired challenge", async () => {
    const { user, cookie, sessionId } = await signedIn();
    const options = await registerOptions({ cookie });
    await db().webAuthnChallenge.updateMany({ where: { sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await registerVerify({ name: "Late", credential: new SoftwareAuthenticator().register(options.body) }, { cookie });
    expectError(late, 400, { type: "validation_error", code: "challenge_expired", attr: "credential" });
    expect(await db().passkey.count({ where: { userId: user.id } })).toBe(0);
  });

  it("binds the challenge to the session: another session of the same user cannot answer it", async () => {
    const { user, cookie } = await signedIn();
    const other = await signedInSession(user);
    const options = await registerOptions({ cookie });
    const response = await registerVerify({ name: "Elsewhere", credential: new SoftwareAuthenticator().register(options.body) }, { cookie: other.cookie });
    expectError(response, 400, { type: "validation_error", code: "challenge_expired", attr: "credential" });
  });

  it("refuses an answer for another site, or a wrong challenge, with 400 invalid_credential", async () => {
    const { user, cookie } = await signedIn();
    const options = await registerOptions({ cookie });
    const foreign = new SoftwareAuthenticator({ origin: "http://evil.test:3000" }).register(options.body);
    expectError(await registerVerify({ name: "Foreign", credential: foreign }, { cookie }), 400, { type: "validation_error", code: "invalid_credential", attr: "credential" });
    await registerOptions({ cookie });
    const wrongChallenge = new SoftwareAuthenticator().register({ challenge: "bm90LXRoZS1jaGFsbGVuZ2U" });
    expectError(await registerVerify({ name: "Wrong", credential: wrongChallenge }, { cookie }), 400, { type: "validation_error", code: "invalid_credential", attr: "credential" });
    expect(await db().passkey.count({ where: { userId: user.id } })).toBe(0);
  });

  it("names every field that is wrong (400)", async () => {
    const { cookie } = await signedIn();
    const response = await registerVerify({ name: "", credential: { id: "x" } }, { cookie });
    expect(response.status).toBe(400);
    const attrs = (response.body.issues as Array<{ attr: string }>).map((issue) => issue.attr);
    expect(attrs).toContain("name");
    expect(attrs.some((attr) => attr.startsWith("credential"))).toBe(true);
  });

  it("an oversized credential id is a 400, not a database error", async () => {
    const { cookie } = await signedIn();
    const options = await registerOptions({ cookie });
    const credential = { ...new SoftwareAuthenticator().register(options.body), id: "A".repeat(1401), rawId: "A".repeat(1401) };
    const response = await registerVerify({ name: "Long", credential }, { cookie });
    expect(response.status).toBe(400);
    expect(response.body.attr).toBe("credential__id");
  });

  it("the same passkey twice is a 409", async () => {
    const { cookie } = await signedIn();
    const { authenticator } = await addPasskey(cookie);
    const options = await registerOptions({ cookie });
    expectError(await registerVerify({ name: "Again", credential: authenticator.register(options.body) }, { cookie }), 409, { type: "invalid_request", code: "passkey_exists" });
  });
});

describe("who may manage passkeys", () => {
  it("401 without a session, on every route", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    for (const response of [await registerOptions(), await registerVerify({ name: "x", credential: {} }), await list(), await rename(id, { name: "x" }), await remove(id)]) {
      expectError(response, 401, { type: "authentication_error", code: "not_authenticated" });
    }
  });

  it("refuses a personal API key, even with every scope (session only)", async () => {
    const { user, cookie } = await signedIn();
    const { passkey } = await addPasskey(cookie);
    const key = await createKeyFor(user, ["*"], { cookie });
    const asKey = { headers: bearer(key.value) };
    const options = await registerOptions({ cookie });
    const answer = { name: "By key", credential: new SoftwareAuthenticator().register(options.body) };
    for (const response of [
      await registerOptions(asKey),
      await registerVerify(answer, asKey),
      await list(asKey),
      await rename(passkey.id, { name: "Key" }, asKey),
      await remove(passkey.id, asKey),
    ]) {
      expectError(response, 401, { type: "authentication_error", code: "not_authenticated" });
    }
    expect(await rowOf(passkey.id)).toMatchObject({ name: "Laptop" });
    expect(await db().passkey.count({ where: { userId: user.id } })).toBe(1);
  });

  it("another user's passkey id is a 404 with no effect; another user's uuid a 403", async () => {
    const owner = await signedIn();
    const { passkey } = await addPasskey(owner.cookie);
    const before = await rowOf(passkey.id);
    const stranger = await signedIn();
    expectError(await rename(passkey.id, { name: "Mine now" }, { cookie: stranger.cookie }), 404, { type: "invalid_request", code: "not_found" });
    expectError(await remove(passkey.id, { cookie: stranger.cookie }), 404, { type: "invalid_request", code: "not_found" });
    expect(await rowOf(passkey.id)).toEqual(before);
    expect((await list({ cookie: stranger.cookie })).body.count).toBe(0);
    expectError(await list({ cookie: stranger.cookie, uuid: owner.user.uuid }), 403, { type: "authentication_error", code: "permission_denied" });
  });

  it("staff are refused another user's passkeys too", async () => {
    const owner = await signedIn();
    await addPasskey(owner.cookie);
    const staff = await createTestUser({ staff: true });
    const { cookie } = await signedInSession(staff);
    expectError(await list({ cookie, uuid: owner.user.uuid }), 403, { type: "authentication_error", code: "permission_denied" });
    expectError(await registerOptions({ cookie, uuid: owner.user.uuid }), 403, { type: "authentication_error", code: "permission_denied" });
  });
});

describe("secure mode", () => {
  it("an old sign-in may list and rename, but not add or remove a passkey", async () => {
    const { user, cookie } = await signedIn();
    const { passkey } = await addPasskey(cookie);
    const old = await signedInSession(user, Date.now() - 3 * 60 * 60 * 1000);
    const reauth = { type: "authentication_error", code: "reauth_required" };
    expectError(await registerOptions({ cookie: old.cookie }), 403, reauth);
    expectError(await registerVerify({ name: "Late", credential: new SoftwareAuthenticator().register({ challenge: "AAAA" }) }, { cookie: old.cookie }), 403, reauth);
    expectError(await remove(passkey.id, { cookie: old.cookie }), 403, reauth);
    expect(await db().passkey.count({ where: { userId: user.id } })).toBe(1);
    expect((await list({ cookie: old.cookie })).status).toBe(200);
    expect((await rename(passkey.id, { name: "Renamed" }, { cookie: old.cookie })).status).toBe(200);
  });
});

describe("listing, renaming and removing", () => {
  it("lists newest first, renames (400 naming name when blank), removes (204, then 404)", async () => {
    restores.push(overrideEnvForTests({ SMTP_URL: undefined }));
    const { user, cookie } = await signedIn();
    const { passkey: first } = await addPasskey(cookie, "Phone");
    const { passkey: second } = await addPasskey(cookie, "Laptop");
    const listed = await list({ cookie });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ count: 2, results: [{ id: second.id, name: "Laptop" }, { id: first.id, name: "Phone" }] });
    expect(JSON.stringify(listed.body)).not.toMatch(/publicKey|credentialId|counter/);

    const renamed = await rename(first.id, { name: "Work phone" }, { cookie });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: first.id, name: "Work phone" });
    expectError(await rename(first.id, { name: "   " }, { cookie }), 400, { type: "validation_error", code: "blank", attr: "name" });
    expect(await rowOf(first.id)).toMatchObject({ name: "Work phone" });

    expect((await remove(first.id, { cookie })).status).toBe(204);
    expectError(await remove(first.id, { cookie }), 404, { type: "invalid_request", code: "not_found" });
    expect(await db().passkey.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([{ id: second.id }]);
    const notices = await db().outboxEmail.findMany({ where: { to: user.email, subject: { contains: "passkey was added" } }, orderBy: { createdAt: "asc" } });
    expect(notices.map((mail) => mail.text.match(/named “(.+?)”/)?.[1])).toEqual(["Phone", "Laptop"]);
    expect(await db().activityEntry.findMany({ where: { userId: user.id }, orderBy: { id: "asc" }, select: { kind: true, details: true } })).toEqual([
      { kind: "passkey_added", details: { passkey_id: first.id, name: "Phone" } },
      { kind: "passkey_added", details: { passkey_id: second.id, name: "Laptop" } },
      { kind: "passkey_removed", details: { passkey_id: first.id, name: "Work phone" } },
    ]);
  });
});

describe("passkeys_enabled_for_2fa", () => {
  it("is refused without a passkey (400 naming the field), allowed with one, and turned off when the last one goes", async () => {
    const { user, cookie } = await signedIn();
    expectError(await patchMe({ passkeys_enabled_for_2fa: true }, cookie), 400, { type: "validation_error", code: "no_passkeys", attr: "passkeys_enabled_for_2fa" });
    expect((await reloadUser(user.id)).passkeysEnabledFor2fa).toBe(false);

    const { passkey: first } = await addPasskey(cookie, "One");
    const { passkey: second } = await addPasskey(cookie, "Two");
    const enabled = await patchMe({ passkeys_enabled_for_2fa: true }, cookie);
    expect(enabled.status).toBe(200);
    expect(enabled.body.passkeys_enabled_for_2fa).toBe(true);

    expect((await remove(first.id, { cookie })).status).toBe(204);
    expect((await reloadUser(user.id)).passkeysEnabledFor2fa).toBe(true);
    expect((await remove(second.id, { cookie })).status).toBe(204);
    expect((await reloadUser(user.id)).passkeysEnabledFor2fa).toBe(false);
  });
});

describe("signing in with a passkey", () => {
  it("hands out a single-use challenge that lists no credentials", async () => {
    const options = await signinOptions();
    expect(options.status).toBe(200);
    expect(options.body.options).toMatchObject({ rpId: "localhost", userVerification: "preferred" });
    expect(options.body.options.allowCredentials ?? []).toEqual([]);
    expect(Date.parse(options.body.expires_at) - Date.now()).toBeLessThanOrEqual(5 * 60 * 1000);
  });

  it("creates a session that says it signed in with a passkey, and records the use", async () => {
    const { user, cookie } = await signedIn();
    const { authenticator, passkey } = await addPasskey(cookie);
    const signedInUser = await authorizePasskey(await signedAssertion(authenticator), headers());
    expect(signedInUser).toMatchObject({ id: user.uuid, email: user.email });
    const session = await db().session.findUniqueOrThrow({ where: { id: signedInUser!.sessionId } });
    expect(session).toMatchObject({ userId: user.id, signInMethod: "passkey", revokedAt: null });
    expect(await db().activityEntry.findFirst({ where: { userId: user.id, kind: "sign_in" } })).toMatchObject({ sessionId: session.id, details: { method: "passkey" } });
    const row = await rowOf(passkey.id);
    expect(row!.lastUsedAt).not.toBeNull();
    expect(row!.counter).toBe(1n);
  });

  it("refuses a replayed challenge, an expired one, and an unknown id", async () => {
    const { user, cookie } = await signedIn();
    const { authenticator } = await addPasskey(cookie);
    const options = await signinOptions();
    const first = JSON.stringify(authenticator.assert(options.body.options));
    expect(await outcome(authorizePasskey({ credential: first, challenge: options.body.challenge_id }, headers()))).toBe("session");
    const replay = JSON.stringify(authenticator.assert(options.body.options));
    expect(await outcome(authorizePasskey({ credential: replay, challenge: options.body.challenge_id }, headers()))).toBe("passkey_invalid");

    const expiring = await signinOptions();
    await db().webAuthnChallenge.update({ where: { id: expiring.body.challenge_id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = JSON.stringify(authenticator.assert(expiring.body.options));
    expect(await outcome(authorizePasskey({ credential: late, challenge: expiring.body.challenge_id }, headers()))).toBe("passkey_invalid");
    expect(await db().webAuthnChallenge.count({ where: { id: expiring.body.challenge_id } })).toBe(0);

    expect(await outcome(authorizePasskey({ credential: late, challenge: "00000000-0000-4000-8000-000000000000" }, headers()))).toBe("passkey_invalid");
    expect(await outcome(authorizePasskey({ credential: "not json", challenge: "nope" }, headers()))).toBe("passkey_invalid");
    expect(await db().session.count({ where: { userId: user.id, signInMethod: "passkey" } })).toBe(1);
  });

  it("refuses a signature from a passkey that was never registered, and one signed by another key under a registered id", async () => {
    const { user, cookie } = await signedIn();
    const { authenticator } = await addPasskey(cookie);
    expect(await outcome(authorizePasskey(await signedAssertion(new SoftwareAuthenticator()), headers()))).toBe("passkey_invalid");

    const impostor = new SoftwareAuthenticator();
    Object.defineProperty(impostor, "credentialId", { value: authenticator.credentialId });
    expect(await outcome(authorizePasskey(await signedAssertion(impostor), headers()))).toBe("passkey_invalid");
    expect(await db().session.count({ where: { userId: user.id, signInMethod: "passkey" } })).toBe(0);
  });

  it("refuses a counter that does not increase (a cloned authenticator)", async () => {
    const { user, cookie } = await signedIn();
    const { authenticator, passkey } = await addPasskey(cookie);
    expect(await outcome(authorizePasskey(await signedAssertion(authenticator, 5), headers()))).toBe("session");
    expect(await outcome(authorizePasskey(await signedAssertion(authenticator, 5), headers()))).toBe("passkey_invalid");
    expect(await outcome(authorizePasskey(await signedAssertion(authenticator, 3), headers()))).toBe("passkey_invalid");
    expect((await rowOf(passkey.id))!.counter).toBe(5n);
    expect(await outcome(authorizePasskey(await signedAssertion(authenticator, 6), headers()))).toBe("session");
    expect(await db().session.count({ where: { userId: user.id, signInMethod: "passkey" } })).toBe(2);
  });

  it("refuses a deactivated account", async () => {
    const { user, cookie } = await signedIn();
    const { authenticator } = await addPasskey(cookie);
    await db().user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await outcome(authorizePasskey(await signedAssertion(authenticator), headers()))).toBe("passkey_invalid");
  });

  it("for a user with two-factor on, needs the authenticator to have verified the person", async () => {
    const { user, cookie } = await signedIn();
    await enableTwoFactor(cookie);
    const presenceOnly = new SoftwareAuthenticator({ userVerified: false });
    await addPasskey(cookie, "Key", presenceOnly);
    expect(await outcome(authorizePasskey(await signedAssertion(presenceOnly), headers()))).toBe("passkey_invalid");
    const verified = await addPasskey(cookie, "Phone");
    expect(await outcome(authorizePasskey(await signedAssertion(verified.authenticator), headers()))).toBe("session");
    expect(await db().session.count({ where: { userId: user.id, signInMethod: "passkey" } })).toBe(1);
  });
});

describe("a passkey as the second factor", () => {
  async function twoFactorUserWithPasskey() {
    const { user, cookie } = await signedIn();
    const { secret } = await enableTwoFactor(cookie);
    const { authenticator } = await addPasskey(cookie);
    return { user, cookie, secret, authenticator };
  }
  const signIn = (email: string, extra: Record<string, string> = {}, password = TEST_PASSWORD) => authorizeCredentials({ email, password, ...extra }, headers());

  it("without passkeys_enabled_for_2fa the password step asks for a code only, and a passkey is not accepted", async () => {
    const { user, authenticator } = await twoFactorUserWithPasskey();
    expect(await outcome(signIn(user.email))).toBe("2fa_required");
    const { credential, challenge } = await signedAssertion(authenticator);
    expect(await outcome(signIn(user.email, { passkey: credential, challenge }))).toBe("2fa_required");
  });

  it("with it on: the password step says a passkey may be used, and the user's own passkey completes the sign-in", async () => {
    const { user, cookie, authenticator } = await twoFactorUserWithPasskey();
    expect((await patchMe({ passkeys_enabled_for_2fa: true }, cookie)).status).toBe(200);
    expect(await outcome(signIn(user.email))).toBe("2fa_required_passkey");
    const { credential, challenge } = await signedAssertion(authenticator);
    const signedInUser = await signIn(user.email, { passkey: credential, challenge });
    expect(signedInUser).toMatchObject({ id: user.uuid });
    const session = await db().session.findUniqueOrThrow({ where: { id: signedInUser!.sessionId } });
    expect(session.signInMethod).toBe("password_passkey");
  });

  it("a TOTP code still works alongside", async () => {
    const { user, cookie, secret } = await twoFactorUserWithPasskey();
    await patchMe({ passkeys_enabled_for_2fa: true }, cookie);
    expect(await outcome(signIn(user.email, { otp: await codeFor(secret, 1) }))).toBe("session");
  });

  it("refuses another user's passkey, and never without the right password", async () => {
    const { user, cookie, authenticator } = await twoFactorUserWithPasskey();
    await patchMe({ passkeys_enabled_for_2fa: true }, cookie);
    const other = await signedIn();
    const { authenticator: othersPasskey } = await addPasskey(other.cookie);
    const foreign = await signedAssertion(othersPasskey);
    expect(await outcome(signIn(user.email, { passkey: foreign.credential, challenge: foreign.challenge }))).toBe("2fa_invalid");
    expect(await db().activityEntry.findFirst({ where: { userId: user.id, kind: "sign_in_failed" }, orderBy: { id: "desc" } })).toMatchObject({ details: { reason: "wrong_passkey" } });

    const wrongPassword = await signedAssertion(authenticator);
    expect(await outcome(signIn(user.email, { passkey: wrongPassword.credential, challenge: wrongPassword.challenge }, "wrong-password-entirely"))).toBe("refused");
    expect(await db().session.count({ where: { userId: user.id, signInMethod: "password_passkey" } })).toBe(0);
  });

  it("refuses a replayed second-factor challenge", async () => {
    const { user, cookie, authenticator } = await twoFactorUserWithPasskey();
    await patchMe({ passkeys_enabled_for_2fa: true }, cookie);
    const { credential, challenge } = await signedAssertion(authenticator);
    expect(await outcome(signIn(user.email, { passkey: credential, challenge }))).toBe("session");
    const options = await db().webAuthnChallenge.count({ where: { id: challenge } });
    expect(options).toBe(0);
    expect(await outcome(signIn(user.email, { passkey: credential, challenge }))).toBe("2fa_invalid");
  });
});

describe("rate limits", () => {
  it("hands out a limited number of sign-in challenges per client address (429 with Retry-After), others unaffected", async () => {
    restores.push(overrideEnvForTests({ TRUST_PROXY: undefined, RATE_LIMIT_PASSKEY_CHALLENGE_LIMIT: "2" }));
    const [busy, quiet] = [newClientAddress(), newClientAddress()];
    for (let n = 0; n < 2; n++) expect((await signinOptions(fromClient(busy))).status).toBe(200);
    const refused = await signinOptions(fromClient(busy));
    expectError(refused, 429, { type: "throttled_error", code: "throttled" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await signinOptions(fromClient(quiet))).status).toBe(200);
  });

  it("the sign-in page's autofill challenges have their own budget: page views never use up the button's", async () => {
    restores.push(overrideEnvForTests({ RATE_LIMIT_PASSKEY_AUTOFILL_LIMIT: "2", RATE_LIMIT_PASSKEY_CHALLENGE_LIMIT: "2" }));
    const client = fromClient(newClientAddress());
    const autofillOptions = () => call(AUTOFILL_OPTIONS, { method: "POST", path: "/api/auth/passkey/autofill_options", headers: client });
    for (let n = 0; n < 2; n++) {
      const answer = await autofillOptions();
      expect(answer.status).toBe(200);
      expect(answer.body.options.allowCredentials ?? []).toEqual([]);
    }
    expectError(await autofillOptions(), 429, { type: "throttled_error", code: "throttled" });
    expect((await signinOptions(client)).status).toBe(200);
  });

  it("limits registration challenges per user", async () => {
    restores.push(overrideEnvForTests({ RATE_LIMIT_PASSKEY_CHALLENGE_LIMIT: "2" }));
    const { cookie } = await signedIn();
    for (let n = 0; n < 2; n++) expect((await registerOptions({ cookie })).status).toBe(200);
    expectError(await registerOptions({ cookie }), 429, { type: "throttled_error", code: "throttled" });
    expect((await registerOptions({ cookie: (await signedIn()).cookie })).status).toBe(200);
  });

  it("failed passkey sign-ins spend the per-client sign-in budget; past it even a valid passkey is throttled", async () => {
    restores.push(overrideEnvForTests({ TRUST_PROXY: undefined, RATE_LIMIT_SIGNIN_PER_CLIENT_LIMIT: "3" }));
    const { cookie } = await signedIn();
    const { authenticator } = await addPasskey(cookie);
    const attacker = new Headers(fromClient(newClientAddress()));
    for (let n = 0; n < 3; n++) expect(await outcome(authorizePasskey(await signedAssertion(new SoftwareAuthenticator()), attacker))).toBe("passkey_invalid");
    expect(await outcome(authorizePasskey(await signedAssertion(authenticator), attacker))).toBe("throttled");
    expect(await outcome(authorizePasskey(await signedAssertion(authenticator), new Headers(fromClient(newClientAddress()))))).toBe("session");
  });

  it("a refused passkey as the second factor counts against the two-factor budget", async () => {
    restores.push(overrideEnvForTests({ RATE_LIMIT_TWO_FACTOR_LIMIT: "2" }));
    const { user, cookie } = await signedIn();
    await enableTwoFactor(cookie);
    const { authenticator } = await addPasskey(cookie);
    await patchMe({ passkeys_enabled_for_2fa: true }, cookie);
    const stranger = new SoftwareAuthenticator();
    for (let n = 0; n < 2; n++) {
      const wrong = await signedAssertion(stranger);
      expect(await outcome(authorizeCredentials({ email: user.email, password: TEST_PASSWORD, passkey: wrong.credential, challenge: wrong.challenge }, headers()))).toBe("2fa_invalid");
    }
    const right = await signedAssertion(authenticator);
    expect(await outcome(authorizeCredentials({ email: user.email, password: TEST_PASSWORD, passkey: right.credential, challenge: right.challenge }, headers()))).toBe("throttled");
  });
});
