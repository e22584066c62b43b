import { z } from "zod";
import { SIGNAL_PRIORITIES, slackChannelProblem } from "./rules";

const isoDateTime = z.iso.datetime({ offset: true });

const priority = (what: string) =>
  z
    .enum(SIGNAL_PRIORITIES, { error: (issue) => `"${String(issue.input)}" is not a valid choice: ${what} is one of ${SIGNAL_PRIORITIES.join(", ")}, or null.` })
    .nullable();

const slackChannel = z
  .string({ error: "The Slack channel must be a string or null." })
  .trim()
  .transform((channel, context) => {
    if (channel === "") return null;
    const problem = slackChannelProblem(channel);
    if (problem) {
      context.addIssue({ code: "custom", message: problem, params: { code: channel.length > 255 ? "max_length" : "invalid" } });
      return z.NEVER;
    }
    return channel;
  })
  .nullable();

/** POST: every key optional; only the keys sent are written. */
export const signalAutonomyInputSchema = z
  .object({
    autostart_priority: priority("the autostart priority").optional().meta({ description: "The lowest priority signals start on their own (`P0` highest); null = the team's default." }),
    slack_notification_channel: slackChannel
      .optional()
      .meta({ description: "Where Slack notifications go: a channel id (`C0123ABCD`), `#name`, or `C0123ABCD|#name`; at most 255 characters. Blank is stored as null (no Slack notifications)." }),
    slack_notification_min_priority: priority("the Slack notification priority").optional().meta({ description: "Notify only from this priority up; null = every priority." }),
  })
  .meta({ id: "SignalAutonomyInput" });
export type SignalAutonomyInput = z.infer<typeof signalAutonomyInputSchema>;

export const signalAutonomySchema = z
  .object({
    id: z.uuid(),
    user: z
      .object({ id: z.number().int(), uuid: z.uuid(), first_name: z.string(), last_name: z.string(), email: z.string() })
      .meta({ id: "SignalAutonomyUser" }),
    autostart_priority: z.enum(SIGNAL_PRIORITIES).nullable(),
    slack_notification_channel: z.string().nullable(),
    slack_notification_min_priority: z.enum(SIGNAL_PRIORITIES).nullable(),
    created_at: isoDateTime,
    updated_at: isoDateTime,
  })
  .meta({ id: "SignalAutonomy" });
export type SignalAutonomyDto = z.infer<typeof signalAutonomySchema>;
