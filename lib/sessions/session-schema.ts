import { z } from "zod";
import { pageSchema } from "@/lib/api/pagination";

const isoDateTime = z.iso.datetime({ offset: true });

/** One signed-in device, as the devices list shows it. */
export const sessionSchema = z
  .object({
    id: z.uuid(),
    device: z.string().meta({ description: "Browser and system, read from the user agent at sign-in, e.g. \"Firefox on macOS\"." }),
    ip: z.string().nullable().meta({ description: "The client address at sign-in, when known." }),
    sign_in_method: z
      .enum(["password", "totp", "backup_code", "passkey", "password_passkey"])
      .meta({ description: "How this session signed in: the password alone, or with an authenticator code, a backup code or a passkey; or a passkey alone." }),
    created_at: isoDateTime,
    last_seen_at: isoDateTime.meta({ description: "Last activity, to the minute." }),
    is_current: z.boolean().meta({ description: "The session making this request." }),
    is_new_location: z.boolean().meta({ description: "No earlier sign-in of this user came from this address." }),
  })
  .meta({ id: "Session" });

export const sessionPageSchema = pageSchema(sessionSchema).meta({ id: "PaginatedSessionList" });

export const sessionIdParams = z.object({ id: z.uuid({ error: "Not a session id." }) });

export const revokedSessionsSchema = z
  .object({ revoked: z.number().int().min(0).meta({ description: "How many other sessions were signed out." }) })
  .meta({ id: "RevokedSessions" });

export type SessionDto = z.infer<typeof sessionSchema>;
