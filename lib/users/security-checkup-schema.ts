import { z } from "zod";

export const CHECKUP_ITEMS = ["password", "two_factor", "backup_codes", "api_keys", "devices", "pending_email", "email_verified"] as const;

export const checkupItemSchema = z
  .object({
    id: z.enum(CHECKUP_ITEMS),
    status: z.enum(["ok", "warning", "problem"]).meta({ description: "`problem` weakens the account; `warning` is worth a look." }),
    title: z.string(),
    detail: z.string(),
    fix_url: z.string().nullable().meta({ description: "Where in the app to fix it (null when nothing needs doing)." }),
  })
  .meta({ id: "SecurityCheckupItem" });

export const securityCheckupSchema = z
  .object({
    grade: z.enum(["strong", "fair", "weak"]).meta({ description: "`weak` with any problem, `fair` with warnings only, else `strong`." }),
    passed: z.number().int(),
    total: z.number().int(),
    items: z.array(checkupItemSchema),
  })
  .meta({ id: "SecurityCheckup" });

export type SecurityCheckupDto = z.infer<typeof securityCheckupSchema>;
export type CheckupItem = z.infer<typeof checkupItemSchema>;
