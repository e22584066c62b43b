import "server-only";
import { generateSecret, generateURI, verify } from "otplib";

/** RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;

/** 20 random bytes (160 bits, RFC 4226's recommendation), base32: 32 characters. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function otpauthUri(secret: string, issuer: string, account: string): string {
  return generateURI({ issuer, label: account, secret });
}

/** Six digits, spaces or dashes between them allowed ("123 456" as apps show it). */
export function normalisedTotp(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The time step a code belongs to, when it is right for the current step ±1 and later than
 * `afterTimeStep` (the last one accepted); null otherwise.
 */
export async function matchingTimeStep(secret: string, code: string, afterTimeStep: number | null): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epochTolerance: PERIOD_SECONDS,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  // `verify` also answers for HOTP; a TOTP match carries its time step.
  return result.valid && "timeStep" in result ? (result.timeStep as number) : null;
}
