import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { endSession } from "@/lib/sessions/service";
import { authorizeCredentials, authorizePasskey, type SignedInUser } from "./credentials";
import { sameOriginRedirect } from "./redirect-target";
import { claimsFromToken } from "./session-cookie";

function headersOf(req: { headers?: Record<string, string | string[] | undefined> } | undefined): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req?.headers ?? {})) {
    if (typeof value === "string") headers.set(key, value);
  }
  return headers;
}

function messageOf(metadata: unknown): string | undefined {
  if (metadata instanceof Error) return metadata.message;
  const nested = (metadata as { error?: unknown; message?: unknown } | undefined) ?? {};
  if (nested.error instanceof Error) return nested.error.message;
  return typeof nested.message === "string" ? nested.message : undefined;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env.authSecret,
    useSecureCookies: env.secureCookies,
    // The cookie lives as long as the absolute lifetime; the session row decides every request
    // (idle timeout, revocation), so an active user stays signed in without re-issuing it.
    session: { strategy: "jwt", maxAge: env.sessionAbsoluteMaxAge },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          otp: { label: "Authentication code", type: "text" },
          passkey: { label: "Passkey response (JSON), in place of the code", type: "text" },
          challenge: { label: "Passkey challenge id", type: "text" },
        },
        authorize: (credentials, req) => authorizeCredentials(credentials, headersOf(req)),
      }),
      CredentialsProvider({
        id: "passkey",
        name: "Passkey",
        credentials: {
          credential: { label: "Passkey response (JSON)", type: "text" },
          challenge: { label: "Passkey challenge id", type: "text" },
        },
        authorize: (credentials, req) => authorizePasskey(credentials, headersOf(req)),
      }),
    ],
    // next-auth logs client-triggered failures (a malformed callbackUrl, say) with their stacks;
    // through our logger they are one masked line each, and a stack never reaches the log.
    logger: {
      error: (code, metadata) => log.warn("auth.nextauth_error", { nextAuthCode: code, message: messageOf(metadata) }),
      warn: (code) => log.warn("auth.nextauth_warning", { nextAuthCode: code }),
      debug: () => {},
    },
    events: {
      async signOut({ token }) {
        const claims = claimsFromToken(token);
        if (claims) await endSession(claims.sessionId);
      },
    },
    callbacks: {
      redirect: ({ url, baseUrl }) => sameOriginRedirect(url, baseUrl),
      // Claims are set only at sign-in. `trigger: "update"` carries client data and is ignored,
      // so the session-update channel can never grant anything.
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as SignedInUser;
          return { sub: signedIn.id, email: signedIn.email, sid: signedIn.sessionId };
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { email: token.email ?? null } };
      },
    },
  };
}
