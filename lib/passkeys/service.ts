import "server-only";
import { createHmac } from "node:crypto";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
} from "@simplewebauthn/server";
import { errors } from "@/lib/api/errors";
import type { PageRequest } from "@/lib/api/pagination";
import { publicOrigin } from "@/lib/api/public-url";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { Prisma, type Passkey } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { recordActivity } from "@/lib/activity/record";
import { sendNotice } from "@/lib/mail/notice";
import { lockUserRow } from "@/lib/users/locked-row";
import { enforce, mayManagePasskeysOf } from "@/lib/users/permissions";
import type { Subject } from "@/lib/users/subject";
import {
  authenticationResponseSchema,
  PASSKEY_CHALLENGE_TTL_SECONDS,
  PASSKEYS_PER_USER,
  type AuthenticationOptionsDto,
  type PasskeyDto,
  type PasskeyRegistration,
} from "./schemas";

type ChallengePurpose = "registration" | "authentication";

/** The relying party is the configured public origin, never a request's `Host`. */
function relyingParty() {
  const origin = new URL(publicOrigin());
  return { rpID: origin.hostname, origin: origin.origin, rpName: env.appName };
}

/** The WebAuthn user handle: stable per user, neither the email nor the uuid the API shows. */
function userHandle(uuid: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHmac("sha256", env.authSecret).update(`accounts webauthn user handle v1:${uuid}`).digest());
}

function serialize(row: Passkey): PasskeyDto {
  return { id: row.id, name: row.name, created_at: row.createdAt.toISOString(), last_used_at: row.lastUsedAt?.toISOString() ?? null };
}

function managedBy(principal: Principal, subject: Subject): number {
  enforce(mayManagePasskeysOf(subject, principal.method));
  return subject.user.id;
}

function invalidCredential(detail: string, code = "invalid_credential"): never {
  throw errors.invalidField("credential", code, detail);
}

function expiresAt(): Date {
  return new Date(Date.now() + PASSKEY_CHALLENGE_TTL_SECONDS * 1000);
}

/** Challenges nobody answered: cleared whenever a new one is handed out, so rows never pile up. */
async function clearExpiredChallenges(): Promise<void> {
  await db().webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}

/**
 * Takes the challenge out of the table as it is read (`DELETE … RETURNING`): of two requests
 * answering one challenge, exactly one gets it. `null` when there is none, or it has expired.
 */
async function consumeChallenge(where: { purpose: ChallengePurpose; id?: string; sessionId?: string }): Promise<string | null> {
  const rows = where.id
    ? await db().$queryRaw<Array<{ challenge: string; expiresAt: Date }>>`
        DELETE FROM webauthn_challenges WHERE id = ${where.id}::uuid AND purpose = ${where.purpose} RETURNING challenge, "expiresAt"`
    : await db().$queryRaw<Array<{ challenge: string; expiresAt: Date }>>`
        DELETE FROM webauthn_challenges WHERE "sessionId" = ${where.sessionId ?? null}::uuid AND purpose = ${where.purpose} RETURNING challenge, "expiresAt"`;
  const live = rows.filter((row) => row.expiresAt.getTime() > Date.now());
  return live.length === 1 ? live[0]!.challenge : null;
}

/** Creation options for a new passkey; the challenge is bound to this session (a newer one replaces it). */
export async function registrationOptions(principal: Principal, subject: Subject): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const userId = managedBy(principal, subject);
  const sessionId = principal.session?.id;
  if (!sessionId) throw errors.notAuthenticated();
  const existing = await db().passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  if (existing.length >= PASSKEYS_PER_USER) throw errors.conflict(`At most ${PASSKEYS_PER_USER} passkeys per account: remove one first.`, "too_many_passkeys");
  const { rpID, rpName } = relyingParty();
  const user = subject.user;
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.email,
    userDisplayName: [user.firstName, user.lastName].filter(Boolean).join(" ") || user.email,
    userID: userHandle(user.uuid),
    attestationType: "none",
    timeout: PASSKEY_CHALLENGE_TTL_SECONDS * 1000,
    excludeCredentials: existing.map((row) => ({ id: row.credentialId, transports: row.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await clearExpiredChallenges();
  await db().$transaction([
    db().webAuthnChallenge.deleteMany({ where: { sessionId, purpose: "registration" } }),
    db().webAuthnChallenge.create({ data: { purpose: "registration", challenge: options.challenge, userId, sessionId, expiresAt: expiresAt() } }),
  ]);
  return options;
}

/** A passkey signs in on its own: its owner hears of every new one, in case it was not them. */
async function notifyPasskeyAdded(user: { email: string; firstName: string }, principal: Principal, name: string): Promise<void> {
  await sendNotice(
    {
      to: user.email,
      firstName: user.firstName,
      subject: "A passkey was added to your account",
      paragraphs: [`A passkey named “${name}” was just added to your account. It can sign in without your password.`],
      origin: { when: new Date(), device: principal.session?.device, ip: principal.session?.ip },
      ifNotYou: "If this wasn't you, remove it on the Security page, change your password and sign out your other devices.",
    },
    "mail.passkey_added",
  );
}

/** Checks the browser's answer to this session's challenge and stores the new passkey. */
export async function registerPasskey(principal: Principal, subject: Subject, { name, credential }: PasskeyRegistration): Promise<PasskeyDto> {
  const userId = managedBy(principal, subject);
  const challenge = await consumeChallenge({ purpose: "registration", sessionId: principal.session?.id });
  if (!challenge) invalidCredential("No registration is in progress, or it expired. Start again.", "challenge_expired");
  const { rpID, origin } = relyingParty();
  const verification = await verifyRegistrationResponse({
    // The schema checked the shape; the library checks every byte.
    response: credential as unknown as Parameters<typeof verifyRegistrationResponse>[0]["response"],
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  }).catch((error: unknown) => {
    log.info("passkeys.registration_refused", { userId, reason: error instanceof Error ? error.message : "unknown" });
    return null;
  });
  if (!verification?.verified) invalidCredential("The passkey could not be verified. Try again.");
  const { credential: verified } = verification.registrationInfo;
  try {
    const row = await db().$transaction(async (tx) => {
      await lockUserRow(tx, userId);
      if ((await tx.passkey.count({ where: { userId } })) >= PASSKEYS_PER_USER) {
        throw errors.conflict(`At most ${PASSKEYS_PER_USER} passkeys per account: remove one first.`, "too_many_passkeys");
      }
      const created = await tx.passkey.create({
        data: {
          userId,
          name,
          credentialId: verified.id,
          publicKey: new Uint8Array(verified.publicKey),
          counter: BigInt(verified.counter),
          transports: verified.transports ?? credential.response.transports ?? [],
        },
      });
      await recordActivity(tx, userId, "passkey_added", { passkey_id: created.id, name });
      return created;
    });
    log.info("passkeys.registered", { userId, passkeyId: row.id });
    await notifyPasskeyAdded(subject.user, principal, name);
    return serialize(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw errors.conflict("This passkey is already registered.", "passkey_exists");
    }
    throw error;
  }
}

/** Newest first. */
export async function listPasskeys(principal: Principal, subject: Subject, { limit, offset }: PageRequest): Promise<{ count: number; results: PasskeyDto[] }> {
  const userId = managedBy(principal, subject);
  const [count, rows] = await Promise.all([
    db().passkey.count({ where: { userId } }),
    db().passkey.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: offset, take: limit }),
  ]);
  return { count, results: rows.map(serialize) };
}

export async function renamePasskey(principal: Principal, subject: Subject, id: string, name: string): Promise<PasskeyDto> {
  const userId = managedBy(principal, subject);
  const rows = await db().passkey.updateManyAndReturn({ where: { id, userId }, data: { name } });
  const row = rows[0];
  if (!row) throw errors.notFound("No such passkey.");
  return serialize(row);
}

/** Removing the last passkey also turns off passkeys as the second factor (there is none left to use). */
export async function deletePasskey(principal: Principal, subject: Subject, id: string): Promise<void> {
  const userId = managedBy(principal, subject);
  await db().$transaction(async (tx) => {
    await lockUserRow(tx, userId);
    const [removed] = await tx.passkey.findMany({ where: { id, userId }, select: { name: true } });
    if (!removed) throw errors.notFound("No such passkey.");
    await tx.passkey.deleteMany({ where: { id, userId } });
    const last = (await tx.passkey.count({ where: { userId } })) === 0;
    if (last) await tx.user.update({ where: { id: userId }, data: { passkeysEnabledFor2fa: false }, select: { id: true } });
    await recordActivity(tx, userId, "passkey_removed", { passkey_id: id, name: removed.name, ...(last ? { passkeys_for_two_factor_turned_off: true } : {}) });
  });
  log.info("passkeys.deleted", { userId, passkeyId: id });
}

export async function countPasskeys(userId: number, client: Pick<ReturnType<typeof db>, "passkey"> = db()): Promise<number> {
  return client.passkey.count({ where: { userId } });
}

/**
 * Request options for signing in (or the second step): no credentials listed, so nothing says
 * whether any account has passkeys; the authenticator offers its discoverable ones.
 */
export async function authenticationOptions(): Promise<AuthenticationOptionsDto> {
  const { rpID } = relyingParty();
  const options = await generateAuthenticationOptions({ rpID, userVerification: "preferred", timeout: PASSKEY_CHALLENGE_TTL_SECONDS * 1000 });
  await clearExpiredChallenges();
  const row = await db().webAuthnChallenge.create({ data: { purpose: "authentication", challenge: options.challenge, expiresAt: expiresAt() } });
  return { challenge_id: row.id, expires_at: row.expiresAt.toISOString(), options: options as unknown as Record<string, unknown> };
}

export interface VerifiedAssertion {
  userId: number;
  passkeyId: string;
  userVerified: boolean;
}

/**
 * Checks a signed answer to a sign-in challenge, spending the challenge whatever the outcome.
 * With `userId`, the passkey must be that user's. A counter that does not grow (when either side
 * is non-zero) is refused: two authenticators share a key. `null` = refused, for any reason.
 */
export async function verifyAssertion(input: { challengeId: string; credential: string; userId?: number }): Promise<VerifiedAssertion | null> {
  const challenge = await consumeChallenge({ purpose: "authentication", id: input.challengeId });
  if (!challenge) return refused("challenge");
  const parsed = authenticationResponseSchema.safeParse(parseJson(input.credential));
  if (!parsed.success) return refused("malformed");
  const response = parsed.data;
  const passkey = await db().passkey.findUnique({ where: { credentialId: response.id } });
  if (!passkey) return refused("unknown_credential");
  if (input.userId !== undefined && passkey.userId !== input.userId) return refused("other_user");
  const { rpID, origin } = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response: response as unknown as Parameters<typeof verifyAuthenticationResponse>[0]["response"],
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: passkey.transports },
    requireUserVerification: false,
  }).catch((error: unknown) => {
    log.info("passkeys.assertion_refused", { passkeyId: passkey.id, reason: error instanceof Error ? error.message : "unknown" });
    return null;
  });
  if (!verification?.verified) return refused("signature");
  const newCounter = BigInt(verification.authenticationInfo.newCounter);
  // Conditional on the counter read above: of two answers with one counter, one wins.
  const claimed = await db().$executeRaw`
    UPDATE passkeys SET counter = ${newCounter}, "lastUsedAt" = now()
    WHERE id = ${passkey.id}::uuid AND (counter < ${newCounter} OR (counter = 0 AND ${newCounter} = 0))`;
  if (claimed !== 1) return refused("counter");
  return { userId: passkey.userId, passkeyId: passkey.id, userVerified: verification.authenticationInfo.userVerified };
}

function refused(reason: string): null {
  log.info("passkeys.assertion_failed", { reason });
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
