import { generate } from "otplib";
import { GET as START } from "@/app/api/users/[uuid]/two_factor_start_setup/route";
import { POST as VALIDATE } from "@/app/api/users/[uuid]/two_factor_validate/route";
import { call } from "./requests";

/** The code an authenticator shows for `secret`, `steps` 30-second steps from now. */
export function codeFor(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}

/** Turns two-factor on through the API, as a person would; returns the secret and the backup codes. */
export async function enableTwoFactor(cookie: string, headers?: Record<string, string>): Promise<{ secret: string; backupCodes: string[] }> {
  const started = await call(START, { path: "/api/users/@me/two_factor_start_setup", params: { uuid: "@me" }, cookie, headers });
  if (started.status !== 200) throw new Error(`start setup answered ${started.status}`);
  const secret = started.body.secret as string;
  const validated = await call(VALIDATE, {
    method: "POST",
    path: "/api/users/@me/two_factor_validate",
    params: { uuid: "@me" },
    cookie,
    headers,
    body: { token: await codeFor(secret) },
  });
  if (validated.status !== 200) throw new Error(`validate answered ${validated.status}: ${JSON.stringify(validated.body)}`);
  return { secret, backupCodes: validated.body.backup_codes as string[] };
}
