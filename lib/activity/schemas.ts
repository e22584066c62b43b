import { z } from "zod";
import { pageSchema, paginationQuery } from "@/lib/api/pagination";
import { ACTIVITY_CATEGORIES, ACTIVITY_KINDS, type ActivityCategory, type ActivityKind } from "./kinds";

const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const activityEntrySchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(ACTIVITY_KINDS as [ActivityKind, ...ActivityKind[]]),
    created_at: z.iso.datetime({ offset: true }),
    ip: z.string().nullable(),
    device: z.string().nullable().meta({ description: 'The device it came from, as the devices list names it ("Chrome on macOS").' }),
    session_id: z.uuid().nullable().meta({ description: "The session it happened in (a sign-in: the session it started)." }),
    session_active: z.boolean().meta({ description: "Whether that session is still signed in (it is then in the devices list)." }),
    details: z
      .record(z.string(), detailValue)
      .meta({ description: "What explains the entry: a key's label, a failure's reason class, the staff member who acted. Never a secret." }),
  })
  .meta({ id: "ActivityEntry" });
export type ActivityEntryDto = z.infer<typeof activityEntrySchema>;

export const activityPageSchema = pageSchema(activityEntrySchema).meta({ id: "PaginatedActivityEntryList" });

const KIND_OR_CATEGORY = [...ACTIVITY_KINDS, ...Object.keys(ACTIVITY_CATEGORIES)] as string[];

/** `kind=sign_in,sign_in_failed` or a whole group (`kind=two_factor`), any mix, comma-separated. */
const kindFilter = z
  .string()
  .transform((value, context) => {
    const names = value.split(",").map((part) => part.trim()).filter(Boolean);
    if (names.length === 0 || names.some((name) => !KIND_OR_CATEGORY.includes(name))) {
      context.addIssue({ code: "custom", message: `Must be one or more of: ${KIND_OR_CATEGORY.join(", ")}.` });
      return z.NEVER;
    }
    const kinds = names.flatMap((name) => (name in ACTIVITY_CATEGORIES ? [...ACTIVITY_CATEGORIES[name as ActivityCategory]] : [name as ActivityKind]));
    return [...new Set(kinds)];
  })
  .optional()
  .meta({
    description: `Only these kinds, comma-separated; a group name stands for its kinds (${Object.keys(ACTIVITY_CATEGORIES).join(", ")}).`,
    override: { type: "string" },
  });

export const activityQuerySchema = z.object({ kind: kindFilter, ...paginationQuery });
export type ActivityQuery = z.output<typeof activityQuerySchema>;
