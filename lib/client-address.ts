import "server-only";
import { clientIp } from "@/lib/rate-limit";

/** The client's address (placeholder until the server entry lands; see the throttle branch). */
export function clientAddress(headers: Headers): string | null {
  return clientIp(headers);
}
