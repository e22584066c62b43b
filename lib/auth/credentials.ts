import "server-only";
import { createHash } from "node:crypto";
import type { User as NextAuthUser } from "next-auth";
import { db } from "@/lib/db/client";
import { describeError, log } from "@/lib/log";
import { clientIp, consume, rateRules } from "@/lib/rate-limit";
import { clientAddress } from "@/lib/client-address";
import { startSession } from "@/lib/sessions/service";
import { signinSchema } from "@/lib/users/schemas";
import { verifyPassword } from "./password";

/** Codes passed back to the sign-in page as `?error=`; the page words them for people. */
export const SIGNIN_ERRORS = { throttled: "throttled", unavailable: "unavailable" } as const;

/** The user next-auth signs in, with the session row this sign-in created. */
export type SignedInUser = NextAuthUser & { sessionId: string };

function hashed(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 32);
}

/**
 * The credentials step of sign-in: a throttle per email (and per IP behind a trusted proxy), then
 * the password, checked in constant time whether or not the account exists. `null` = refused.
 */
export async function authorizeCredentials(credentials: Record<string, string> | undefined, headers: Headers): Promise<SignedInUser | null> {
  try {
    return await checkCredentials(credentials, headers);
  } catch (error) {
    // next-auth copies a thrown message into the redirect URL: only our own codes may get there.
    if (error instanceof Error && Object.values<string>(SIGNIN_ERRORS).includes(error.message)) throw error;
    log.error("auth.signin_error", describeError(error));
    throw new Error(SIGNIN_ERRORS.unavailable);
  }
}

async function checkCredentials(credentials: Record<string, string> | undefined, headers: Headers): Promise<SignedInUser | null> {
  const parsed = signinSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();

  const ip = clientIp(headers);
  const buckets = [`signin:email:${hashed(email)}`, ...(ip ? [`signin:ip:${hashed(ip)}`] : [])];
  for (const bucket of buckets) {
    const { allowed } = await consume(bucket, rateRules.signin());
    if (!allowed) {
      log.warn("auth.signin_throttled", { bucket: bucket.split(":")[1] });
      throw new Error(SIGNIN_ERRORS.throttled);
    }
  }

  const user = await db().user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const valid = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
  if (!user || !valid || !user.isActive) {
    log.info("auth.signin_failed", { known: Boolean(user) });
    return null;
  }
  // The second-factor step slots in here: a user with 2FA gets no session without `credentials.otp`.
  const [sessionId] = await Promise.all([
    startSession({ userId: user.id, userAgent: headers.get("user-agent") ?? "", ip: clientAddress(headers) }),
    db().user.update({ where: { id: user.id }, data: { lastLogin: new Date() } }),
  ]);
  log.info("auth.signin", { userId: user.id, sessionId });
  return { id: user.uuid, email: user.email, name: user.firstName, sessionId };
}

