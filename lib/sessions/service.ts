import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PageRequest } from "@/lib/api/pagination";
import { errors } from "@/lib/api/errors";
import { publicOrigin } from "@/lib/api/public-url";
import type { Principal } from "@/lib/auth/principal";
import { enforce, mayManageSessionsOf } from "@/lib/users/permissions";
import type { Subject } from "@/lib/users/subject";
import { currentOrigin, recordActivity } from "@/lib/activity/record";
import { sendNotice, type NoticeOrigin } from "@/lib/mail/notice";
import { deviceLabel } from "./device-label";
import type { SessionDto } from "./session-schema";

type SessionClient = Pick<ReturnType<typeof db>, "session">;

/** How a session signed in: the password alone, or with an authenticator code, a backup code or a passkey; or a passkey alone. */
export type SignInMethod = "password" | "totp" | "backup_code" | "passkey" | "password_passkey";

export interface NewSession {
  user: { id: number; email: string; firstName: string };
  userAgent: string;
  ip: string | null;
  method?: SignInMethod;
}

/** How long an ended session is kept (it still tells whether an address is new to the user). */
export const ENDED_SESSION_RETENTION_DAYS = 90;

/**
 * A session row for a sign-in that just succeeded, and its "signed in" activity entry in the same
 * transaction; its id goes into the cookie as `sid`. The user's sessions that ended long ago are
 * cleared at the same time, so rows never pile up. A sign-in from a device the account has not
 * used before (see `isNewDevice`) is told to its owner by mail.
 */
export async function startSession({ user, userAgent, ip, method = "password" }: NewSession): Promise<string> {
  const id = randomUUID();
  const agent = userAgent.slice(0, 512);
  const device = deviceLabel(agent);
  const keepAfter = Date.now() - ENDED_SESSION_RETENTION_DAYS * 24 * 60 * 60 * 1000;
  const endedBefore = (lifetimeSeconds: number) => ({ lt: new Date(keepAfter - lifetimeSeconds * 1000) });
  const newDevice = await isNewDevice(user.id, device, ip);
  await Promise.all([
    db().$transaction([
      db().session.create({ data: { id, userId: user.id, userAgent: agent, deviceLabel: device, ip, signInMethod: method } }),
      recordActivity(db(), user.id, "sign_in", { method }, { ip, device, sessionId: id }),
    ]),
    db().session.deleteMany({
      where: {
        userId: user.id,
        OR: [
          { revokedAt: { lt: new Date(keepAfter) } },
          { lastSeenAt: endedBefore(env.sessionMaxAge) },
          { createdAt: endedBefore(env.sessionAbsoluteMaxAge) },
        ],
      },
    }),
  ]);
  if (newDevice) await notifyNewDeviceSignIn(user, { when: new Date(), device, ip });
  return id;
}

/**
 * A device is new when the account has signed in before (within the kept sessions) but never with
 * this browser and device from this address. The first sign-in of an account is not news.
 */
async function isNewDevice(userId: number, device: string, ip: string | null): Promise<boolean> {
  const [seen] = await db().$queryRaw<{ signedInBefore: boolean; knownDevice: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM sessions WHERE "userId" = ${userId}) AS "signedInBefore",
      EXISTS (SELECT 1 FROM sessions WHERE "userId" = ${userId} AND "deviceLabel" = ${device} AND ip IS NOT DISTINCT FROM ${ip}) AS "knownDevice"`;
  return Boolean(seen?.signedInBefore && !seen.knownDevice);
}

async function notifyNewDeviceSignIn(user: NewSession["user"], origin: NoticeOrigin): Promise<void> {
  await sendNotice(
    {
      to: user.email,
      firstName: user.firstName,
      subject: "New sign-in to your account",
      paragraphs: [`Your ${env.appName} account was just signed in to from a device it has not been used on before.`],
      action: { label: "Review your devices", url: `${publicOrigin()}/settings/security#signed-in-devices` },
      origin,
      ifNotYou: "If this wasn't you, sign that device out from the devices list and change your password.",
    },
    "mail.new_device_sign_in",
  );
}

/** The rows that can still authenticate: not revoked, active within the idle timeout, younger than the absolute lifetime. */
export function liveWhere(now = Date.now()): Prisma.SessionWhereInput {
  return {
    revokedAt: null,
    lastSeenAt: { gt: new Date(now - env.sessionMaxAge * 1000) },
    createdAt: { gt: new Date(now - env.sessionAbsoluteMaxAge * 1000) },
  };
}

/** Which of these sessions of the user can still authenticate (the activity log links to them). */
export async function liveSessionIdsAmong(userId: number, ids: string[]): Promise<Set<string>> {
  const rows = await db().session.findMany({ where: { userId, id: { in: ids }, ...liveWhere() }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}

interface SessionRow {
  id: string;
  deviceLabel: string;
  ip: string | null;
  signInMethod: SignInMethod;
  createdAt: Date;
  lastSeenAt: Date;
  isNewLocation: boolean;
}

/**
 * The user's live sessions, the current one first, then newest first. A session is from a new
 * location when the user had signed in before, but never from its address.
 */
async function listLiveSessions(userId: number, currentId: string, page: PageRequest): Promise<{ count: number; results: SessionDto[] }> {
  const now = Date.now();
  const idleSince = new Date(now - env.sessionMaxAge * 1000);
  const createdSince = new Date(now - env.sessionAbsoluteMaxAge * 1000);
  const [count, rows] = await Promise.all([
    db().session.count({ where: { userId, ...liveWhere(now) } }),
    db().$queryRaw<SessionRow[]>`
      SELECT s.id, s."deviceLabel", s.ip, s."signInMethod", s."createdAt", s."lastSeenAt",
        (s.ip IS NOT NULL
          AND EXISTS (SELECT 1 FROM sessions e WHERE e."userId" = s."userId" AND e."createdAt" < s."createdAt")
          AND NOT EXISTS (SELECT 1 FROM sessions p WHERE p."userId" = s."userId" AND p.ip = s.ip AND p."createdAt" < s."createdAt")
        ) AS "isNewLocation"
      FROM sessions s
      WHERE s."userId" = ${userId} AND s."revokedAt" IS NULL AND s."lastSeenAt" > ${idleSince} AND s."createdAt" > ${createdSince}
      ORDER BY (s.id = ${currentId}::uuid) DESC, s."createdAt" DESC, s.id
      LIMIT ${page.limit} OFFSET ${page.offset}`,
  ]);
  return {
    count,
    results: rows.map((row) => ({
      id: row.id,
      device: row.deviceLabel,
      ip: row.ip,
      sign_in_method: row.signInMethod,
      created_at: row.createdAt.toISOString(),
      last_seen_at: row.lastSeenAt.toISOString(),
      is_current: row.id === currentId,
      is_new_location: row.isNewLocation,
    })),
  };
}

/** The session a cookie-authenticated request runs in (the route declares `auth: "session"`). */
function currentSessionId(principal: Principal): string {
  if (!principal.session) throw errors.notAuthenticated();
  return principal.session.id;
}

export function listSessions(principal: Principal, subject: Subject, page: PageRequest) {
  enforce(mayManageSessionsOf(subject));
  return listLiveSessions(subject.user.id, currentSessionId(principal), page);
}

/**
 * Signs one other device out. The current session is refused (sign out signs it out), and an id
 * that is not one of the caller's live sessions (another user's included) is a 404.
 */
export async function signOutDevice(principal: Principal, subject: Subject, id: string): Promise<void> {
  enforce(mayManageSessionsOf(subject));
  if (id === currentSessionId(principal)) {
    throw errors.conflict("This is the session you are using; sign out instead.", "current_session");
  }
  await db().$transaction(async (tx) => {
    const [revoked] = await tx.session.updateManyAndReturn({
      where: { id, userId: subject.user.id, ...liveWhere() },
      data: { revokedAt: new Date() },
      select: { deviceLabel: true },
    });
    if (!revoked) throw errors.notFound();
    await recordActivity(tx, subject.user.id, "session_revoked", { sessions: 1, device: revoked.deviceLabel });
  });
}

/** "Sign out everywhere else": every live session of the caller but this one. */
export async function signOutOtherDevices(principal: Principal, subject: Subject): Promise<{ revoked: number }> {
  enforce(mayManageSessionsOf(subject));
  const keep = currentSessionId(principal);
  return db().$transaction(async (tx) => {
    const revoked = await revokeOtherSessions(subject.user.id, keep, tx);
    if (revoked > 0) await recordActivity(tx, subject.user.id, "session_revoked", { sessions: revoked });
    return { revoked };
  });
}

/**
 * A new id for a session that just proved its owner again (a password change): the row is copied
 * under a fresh id, authenticated now, and the old id stops working, so a cookie captured before
 * the change is worth nothing afterwards. Keeps the sign-in time, so the absolute lifetime holds.
 */
export async function renewSession(id: string, client: SessionClient = db()): Promise<{ id: string; createdAt: Date }> {
  const old = await client.session.update({ where: { id }, data: { revokedAt: new Date() } });
  const renewed = await client.session.create({
    data: {
      id: randomUUID(),
      userId: old.userId,
      createdAt: old.createdAt,
      signInMethod: old.signInMethod,
      deviceLabel: old.deviceLabel,
      userAgent: old.userAgent,
      ip: old.ip,
    },
  });
  return { id: renewed.id, createdAt: renewed.createdAt };
}

/** Sign-out: ends the session the cookie names, whoever asks (the cookie is the proof). */
export async function endSession(id: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const [ended] = await tx.session.updateManyAndReturn({ where: { id, revokedAt: null }, data: { revokedAt: new Date() }, select: { userId: true } });
    if (ended) await recordActivity(tx, ended.userId, "sign_out", {}, { ...currentOrigin(), sessionId: id });
  });
}

/**
 * Ends every session of the user but `keep` (null: all of them). The one mechanism behind
 * "sign out everywhere else" and every credential or privilege change.
 */
export async function revokeOtherSessions(userId: number, keep: string | null, client: SessionClient = db()): Promise<number> {
  const { count } = await client.session.updateMany({
    // Sessions already idle or expired cannot authenticate; leaving them be keeps the count honest.
    where: { userId, ...liveWhere(), ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
