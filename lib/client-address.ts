import "server-only";
import { isIP } from "node:net";
import { env } from "@/lib/env";

/**
 * Set by the app's server entry (`server.mjs`) from the TCP peer on every request, replacing any
 * value a client sent. Next itself keeps a client-sent `X-Forwarded-For`, so that header is only
 * believed behind a proxy we were told to trust.
 */
export const PEER_ADDRESS_HEADER = "x-peer-address";

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
