import { z } from "zod";
import { pageSchema } from "@/lib/api/pagination";

export const PUSH_TOKEN_MAX_LENGTH = 512;
/** Devices kept per user; registering one more evicts the least recently seen. */
export const PUSH_TOKENS_PER_USER = 20;
export const PUSH_PLATFORMS = ["ios", "android", "web"] as const;

const isoDateTime = z.iso.datetime({ offset: true });

// Never echoed: messages name the field, not the value.
const token = z
  .string({ error: (issue) => (issue.input === undefined ? "A push token is required." : "The push token must be a string.") })
  .trim()
  .min(1, "The push token may not be blank.")
  .max(PUSH_TOKEN_MAX_LENGTH, `Push tokens are at most ${PUSH_TOKEN_MAX_LENGTH} characters.`)
  .meta({ description: `The device's opaque push token (at most ${PUSH_TOKEN_MAX_LENGTH} characters). Never shown back.` });

export const pushTokenRegistrationSchema = z
  .object({
    token,
    platform: z.enum(PUSH_PLATFORMS, { error: `Choose the platform: ${PUSH_PLATFORMS.join(", ")}.` }),
  })
  .meta({ id: "PushTokenRegistration" });
export type PushTokenRegistration = z.infer<typeof pushTokenRegistrationSchema>;

export const pushTokenUnregistrationSchema = z.object({ token }).meta({ id: "PushTokenUnregistration" });

export const pushDeviceSchema = z
  .object({
    id: z.uuid(),
    platform: z.enum(PUSH_PLATFORMS),
    token_hint: z.string().meta({ description: "The token's last four characters, to tell devices apart (e.g. `…9f3a`)." }),
    created_at: isoDateTime.meta({ description: "First registered." }),
    last_seen_at: isoDateTime.meta({ description: "Last registered or refreshed." }),
  })
  .meta({ id: "PushDevice" });
export type PushDeviceDto = z.infer<typeof pushDeviceSchema>;

export const pushDevicePageSchema = pageSchema(pushDeviceSchema).meta({ id: "PaginatedPushDeviceList" });

export const pushDeviceIdParams = z.object({ id: z.uuid({ error: "Not a device id." }) });
