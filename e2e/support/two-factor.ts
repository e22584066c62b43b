import { expect, type APIRequestContext } from "@playwright/test";
import { generate } from "otplib";
import { baseURL } from "../../playwright.config";

const PERIOD_SECONDS = 30;
const SAME_ORIGIN = { origin: baseURL };

/**
 * The code for the time step `offset` steps from now. The server accepts the steps either side of
 * the current one, each once per user: -1, 0 and +1 give a test three codes without waiting.
 */
export async function totpCode(secret: string, offset: -1 | 0 | 1 = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * PERIOD_SECONDS });
}

/** A code that is not right now, for the "wrong code" paths. */
export async function wrongTotpCode(secret: string): Promise<string> {
  const right = new Set(await Promise.all(([-1, 0, 1] as const).map((offset) => totpCode(secret, offset))));
  for (let candidate = 123_456; ; candidate = (candidate + 1) % 1_000_000) {
    const code = String(candidate).padStart(6, "0");
    if (!right.has(code)) return code;
  }
}

/** Keeps a code from crossing into a step where it no longer counts: waits out the last 3 s of a step. */
export async function awayFromStepEdge(): Promise<void> {
  const intoStep = (Date.now() / 1000) % PERIOD_SECONDS;
  if (intoStep > PERIOD_SECONDS - 3) await new Promise((resolve) => setTimeout(resolve, (PERIOD_SECONDS - intoStep + 0.5) * 1000));
}

export interface EnabledTwoFactor {
  secret: string;
  backupCodes: string[];
}

/**
 * Turns two-factor on through the API for the signed-in `api`, confirming with the previous
 * step's code so the current and next steps are still free for the test.
 */
export async function enableTwoFactor(api: APIRequestContext): Promise<EnabledTwoFactor> {
  await awayFromStepEdge();
  const setup = await api.get("/api/users/@me/two_factor_start_setup");
  expect(setup.status()).toBe(200);
  const { secret } = (await setup.json()) as { secret: string };
  const validated = await api.post("/api/users/@me/two_factor_validate", { headers: SAME_ORIGIN, data: { token: await totpCode(secret, -1) } });
  expect(validated.status()).toBe(200);
  const { backup_codes } = (await validated.json()) as { backup_codes: string[] };
  return { secret, backupCodes: backup_codes };
}
