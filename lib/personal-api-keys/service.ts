import "server-only";
import { db } from "@/lib/db/client";
import { recordActivity } from "@/lib/activity/record";
import { log } from "@/lib/log";
import { errors } from "@/lib/api/errors";
import type { PageRequest } from "@/lib/api/pagination";
import type { Principal } from "@/lib/auth/principal";
import type { PersonalApiKey } from "@/lib/generated/prisma/client";
import { MAX_KEYS_PER_USER, type PersonalApiKeyDto } from "./schema";
import { generateKeyValue, hashKeyValue, maskKeyValue } from "./secret";

export function serializeKey(row: PersonalApiKey): PersonalApiKeyDto {
  return {
    id: row.id,
    label: row.label,
    scopes: row.scopes,
    mask_value: row.maskValue,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    last_rolled_at: row.lastRolledAt?.toISOString() ?? null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One of the caller's keys; another user's id is the same 404 as an unknown one. */
async function ownKey(principal: Principal, id: string): Promise<PersonalApiKey> {
  if (!UUID.test(id)) throw errors.notFound();
  const row = await db().personalApiKey.findFirst({ where: { id, userId: principal.user.id } });
  if (!row) throw errors.notFound();
  return row;
}

export async function listKeys(principal: Principal, page: PageRequest): Promise<{ count: number; results: PersonalApiKeyDto[] }> {
  const where = { userId: principal.user.id };
  const [count, rows] = await Promise.all([
    db().personalApiKey.count({ where }),
    db().personalApiKey.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: page.limit, skip: page.offset }),
  ]);
  return { count, results: rows.map(serializeKey) };
}

/** What the activity log says of a key: never its value or hash. */
function keyFacts(row: { id: string; label: string; maskValue: string; scopes: string[] }) {
  return { key_id: row.id, label: row.label, mask: row.maskValue, scopes: row.scopes };
}

export async function createKey(principal: Principal, input: { label: string; scopes: string[] }) {
  const userId = principal.user.id;
  const value = generateKeyValue();
  // The user row is locked so concurrent creates cannot pass the limit together.
  const row = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
    if ((await tx.personalApiKey.count({ where: { userId } })) >= MAX_KEYS_PER_USER) {
      throw errors.invalidField(null, "too_many_keys", `You can have at most ${MAX_KEYS_PER_USER} personal API keys. Delete one first.`);
    }
    const created = await tx.personalApiKey.create({
      data: { userId, label: input.label, scopes: input.scopes, keyHash: hashKeyValue(value), maskValue: maskKeyValue(value) },
    });
    await recordActivity(tx, userId, "api_key_created", keyFacts(created));
    return created;
  });
  log.info("personal_api_key.created", { userId, keyId: row.id, mask: row.maskValue, scopes: row.scopes });
  return { ...serializeKey(row), value };
}

export async function retrieveKey(principal: Principal, id: string): Promise<PersonalApiKeyDto> {
  return serializeKey(await ownKey(principal, id));
}

export async function updateKey(principal: Principal, id: string, input: { label?: string; scopes?: string[] }): Promise<PersonalApiKeyDto> {
  const row = await ownKey(principal, id);
  if (input.label === undefined && input.scopes === undefined) return serializeKey(row);
  const updated = await db().personalApiKey.update({ where: { id: row.id }, data: { label: input.label, scopes: input.scopes } });
  return serializeKey(updated);
}

/** Revoking deletes the row: the value fails on its next request. */
export async function deleteKey(principal: Principal, id: string): Promise<void> {
  if (!UUID.test(id)) throw errors.notFound();
  await db().$transaction(async (tx) => {
    const row = await tx.personalApiKey.findFirst({ where: { id, userId: principal.user.id } });
    // A delete racing this one may have won; deleteMany tells, where delete would throw.
    const { count } = row ? await tx.personalApiKey.deleteMany({ where: { id: row.id } }) : { count: 0 };
    if (!row || count === 0) throw errors.notFound();
    await recordActivity(tx, principal.user.id, "api_key_revoked", keyFacts(row));
  });
  log.info("personal_api_key.deleted", { userId: principal.user.id, keyId: id });
}

/** A new value for the same key (label, scopes, id kept); the old value fails from now on. */
export async function rollKey(principal: Principal, id: string) {
  if (!UUID.test(id)) throw errors.notFound();
  const value = generateKeyValue();
  const rolled = await db().$transaction(async (tx) => {
    const [row] = await tx.personalApiKey.updateManyAndReturn({
      where: { id, userId: principal.user.id },
      data: { keyHash: hashKeyValue(value), maskValue: maskKeyValue(value), lastRolledAt: new Date() },
    });
    if (!row) throw errors.notFound();
    await recordActivity(tx, principal.user.id, "api_key_rolled", keyFacts(row));
    return row;
  });
  log.info("personal_api_key.rolled", { userId: principal.user.id, keyId: id });
  return { ...serializeKey(rolled), value };
}

/** The key making the request; a cookie session has none (404). */
export async function currentKey(principal: Principal): Promise<PersonalApiKeyDto> {
  if (principal.method !== "personal_api_key" || !principal.apiKeyId) {
    throw errors.notFound("No current personal API key: this request was not made with one.");
  }
  return retrieveKey(principal, principal.apiKeyId);
}
