import { POST as CREATE_KEY } from "@/app/api/personal_api_keys/route";
import { call, sessionCookie } from "./requests";

type KeyOwner = { id: number; uuid: string; email: string };

/** A key made the way the UI makes one: POST with the owner's session cookie. */
export async function createKeyFor(user: KeyOwner, scopes: string[], options: { cookie?: string; label?: string; headers?: Record<string, string> } = {}) {
  const cookie = options.cookie ?? (await sessionCookie(user));
  const response = await call(CREATE_KEY, { method: "POST", path: "/api/personal_api_keys", cookie, headers: options.headers, body: { label: options.label ?? "test key", scopes } });
  if (response.status !== 201) throw new Error(`creating a key answered ${response.status}: ${JSON.stringify(response.body)}`);
  return { id: response.body.id as string, value: response.body.value as string, cookie };
}

export const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
