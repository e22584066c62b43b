import "server-only";
import { isIP } from "node:net";
import { env } from "@/lib/env";

/**
 * Set by the app's server entry (`server.mjs`) from the TCP peer on every request, replacing any
 * value a client sent. Next itself keeps a client-sent `X-Forwarded-For`, so that header is only
 * believed behind a proxy we were told to trust.
 */
export const PEER_ADDRESS_HEADER = "x-peer-address";
const PEER_ADDRESS_MARKER = Symbol.for("account-settings.peer-address-header");

/**
 * Whether the process was started by `server.mjs`; under plain `next start` the header above is
 * whatever a client sent, so start-up refuses (instrumentation.ts) unless a trusted proxy is set.
 */
export function peerAddressHeaderIsSet(): boolean {
  return (globalThis as Record<symbol, unknown>)[PEER_ADDRESS_MARKER] === true;
}

/**
 * The client's IP address: the connection's peer, or with `TRUST_PROXY=true` the address the
 * proxy appended to `X-Forwarded-For` (its last entry). `null` when unknown or malformed.
 * The only reader of these headers in the app.
 */
export function clientAddress(headers: Headers): string | null {
  const raw = env.trustProxy ? headers.get("x-forwarded-for")?.split(",").at(-1) : headers.get(PEER_ADDRESS_HEADER);
  const address = raw?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "") ?? "";
  return isIP(address) ? address : null;
}
