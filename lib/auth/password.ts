import "server-only";
import { hash, verify } from "@node-rs/argon2";

// algorithm 2 = Argon2id (the package exports it as a const enum, which isolatedModules cannot inline).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * The one form a password is hashed and checked in: Unicode NFC, so "é" typed as one code point
 * (most keyboards) or as "e" + a combining accent (some, and paste from macOS file names) is the
 * same password at sign-up, change and sign-in. Nothing else is changed, nothing cut off.
 */
export function canonicalPassword(password: string): string {
  return password.normalize("NFC");
}

export function hashPassword(password: string): Promise<string> {
  return hash(canonicalPassword(password), OPTIONS);
}

// A real hash of a random value, so unknown emails cost the same time as wrong passwords.
let dummyHash: Promise<string> | undefined;

async function verifyAs(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hashPassword(crypto.randomUUID());
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  const canonical = canonicalPassword(password);
  if (await verifyAs(storedHash, canonical)) return true;
  // Hashes stored before normalisation was added took the input as typed.
  return canonical !== password && verifyAs(storedHash, password);
}
