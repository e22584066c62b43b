import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { db } from "@/lib/db/client";
import { clientAddress } from "@/lib/client-address";
import { currentRequestHeaders, currentRequestSessionId } from "@/lib/request-context";
import { deviceLabel } from "@/lib/sessions/device-label";
import type { ActivityKind } from "./kinds";

/** Where an event came from: the request's address and device, and the session it ran in. */
export interface ActivityOrigin {
  ip: string | null;
  device: string | null;
  sessionId: string | null;
}

export type ActivityDetails = Record<string, string | number | boolean | null | string[]>;

/** The database or a transaction: an entry is written beside the change it records. */
type ActivityClient = Pick<ReturnType<typeof db>, "activityEntry">;

export function activityOrigin(headers: Headers, sessionId: string | null = null): ActivityOrigin {
  const agent = headers.get("user-agent") ?? "";
  return { ip: clientAddress(headers), device: agent ? deviceLabel(agent) : null, sessionId };
}

/** The request being answered, as the route wrapper noted it (nothing outside a request). */
export function currentOrigin(): ActivityOrigin {
  const headers = currentRequestHeaders();
  return headers ? activityOrigin(headers, currentRequestSessionId()) : { ip: null, device: null, sessionId: null };
}

/**
 * One activity entry, as a Prisma promise so it can join a batch transaction or be awaited in an
 * interactive one. Callers pass facts, never secrets: no password, code, token or key value.
 */
export function recordActivity(
  client: ActivityClient,
  userId: number,
  kind: ActivityKind,
  details: ActivityDetails = {},
  origin: ActivityOrigin = currentOrigin(),
) {
  return client.activityEntry.create({
    data: { userId, kind, details: details as Prisma.InputJsonObject, ip: origin.ip, device: origin.device, sessionId: origin.sessionId },
    select: { id: true },
  });
}
