import "server-only";
import { db } from "@/lib/db/client";
import { errors } from "@/lib/api/errors";
import { HEDGEHOG_CONFIG_MAX_BYTES, hedgehogConfigSchema, type HedgehogConfig } from "./hedgehog-schema";
import { mergeHedgehogConfig } from "./hedgehog-merge";
import { lockUserRow } from "./locked-row";
import type { Subject } from "./subject";

export async function storedHedgehogConfig(subject: Subject): Promise<HedgehogConfig> {
  return (subject.user.hedgehogConfig as HedgehogConfig | null) ?? {};
}

/** The merged config, refused whole if it no longer fits (nothing is written then). */
export function mergedHedgehogConfig(stored: unknown, patch: HedgehogConfig, attr: string | null): HedgehogConfig {
  const merged = mergeHedgehogConfig(stored, patch);
  if (!hedgehogConfigSchema.safeParse(merged).success) {
    throw errors.invalidField(attr, "max_length", `The hedgehog config must be at most ${HEDGEHOG_CONFIG_MAX_BYTES} bytes.`);
  }
  return merged;
}

export async function updateHedgehogConfig(subject: Subject, patch: HedgehogConfig): Promise<HedgehogConfig> {
  return db().$transaction(async (tx) => {
    const stored = await lockUserRow(tx, subject.user.id);
    const merged = mergedHedgehogConfig(stored.hedgehogConfig, patch, null);
    await tx.user.update({ where: { id: subject.user.id }, data: { hedgehogConfig: merged }, select: { id: true } });
    return merged;
  });
}
