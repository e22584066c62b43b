import { randomBytes } from "node:crypto";
import { PEER_ADDRESS_HEADER } from "@/lib/client-address";

/** A client address no other test uses: its own IPv6 /64 in the documentation range. */
export function newClientAddress(): string {
  const hex = randomBytes(6).toString("hex");
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}::${hex.slice(8)}`;
}

/** Request headers as the server entry (server.mjs) sets them for a connection from `address`. */
export function fromClient(address: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...extra, [PEER_ADDRESS_HEADER]: address };
}
