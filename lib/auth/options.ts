import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { NextAuthOptions, User as NextAuthUser } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { clientIp, consume, rateRules } from "@/lib/rate-limit";
import { signinSchema } from "@/lib/users/schemas";
import { verifyPassword } from "./password";

/** Codes passed back to the sign-in page as `?error=`; the page words them for people. */
export const SIGNIN_ERRORS = { throttled: "throttled" } as const;

type SignedInUser = NextAuthUser & { sessionVersion: number };

function hashed(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 32);
}

async function authorize(credentials: Record<string, string> | undefined, headers: Headers): Promise<SignedInUser | null> {
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
  await db().user.update({ where: { id: user.id }, data: { lastLogin: new Date() } });
  log.info("auth.signin", { userId: user.id });
  return { id: user.uuid, email: user.email, name: user.firstName, sessionVersion: user.sessionVersion };
}

function headersOf(req: { headers?: Record<string, string | string[] | undefined> } | undefined): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req?.headers ?? {})) {
    if (typeof value === "string") headers.set(key, value);
  }
  return headers;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env.authSecret,
    useSecureCookies: env.secureCookies,
    session: { strategy: "jwt", maxAge: env.sessionMaxAge, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          otp: { label: "Authentication code", type: "text" },
        },
        authorize: (credentials, req) => authorize(credentials, headersOf(req)),
      }),
    ],
    callbacks: {
      // Claims are set only at sign-in. `trigger: "update"` carries client data and is ignored,
      // so the session-update channel can never grant anything.
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as SignedInUser;
          return {
            sub: signedIn.id,
            email: signedIn.email,
            sv: signedIn.sessionVersion,
            sid: randomUUID(),
            authAt: Date.now(),
          };
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { email: token.email ?? null } };
      },
    },
  };
}
