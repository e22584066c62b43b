import "server-only";
import type { db } from "@/lib/db/client";
import { errors } from "@/lib/api/errors";

type Transaction = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

export interface StoredJsonSettings {
  notificationSettings: unknown;
  hedgehogConfig: unknown;
}

/**
 * Locks the user's row for the rest of the transaction and returns the JSON settings a patch
 * merges into, so two writers changing different keys of one setting cannot lose either change.
 */
export async function lockUserRow(tx: Transaction, userId: number): Promise<StoredJsonSettings> {
  const rows = await tx.$queryRaw<StoredJsonSettings[]>`
    SELECT "notificationSettings", "hedgehogConfig" FROM users WHERE id = ${userId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw errors.notFound();
  return row;
}
