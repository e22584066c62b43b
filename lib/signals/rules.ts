/** Signal autonomy's choices and the Slack channel's shape: plain data, shared by the API's zod schema and the Signals card. */
export const SIGNAL_PRIORITIES = ["P0", "P1", "P2", "P3", "P4"] as const;
export type SignalPriority = (typeof SIGNAL_PRIORITIES)[number];

export const SLACK_CHANNEL_MAX_LENGTH = 255;

// Slack channel ids are upper-case letters and digits starting with C (G for older private ones);
// names are lower-case letters, digits, `-` and `_`, at most 80 characters.
const CHANNEL_ID = "[CG][A-Z0-9]{2,}";
const CHANNEL_NAME = "#[a-z0-9][a-z0-9_-]{0,79}";
const SLACK_CHANNEL = new RegExp(`^(?:${CHANNEL_ID}|${CHANNEL_NAME}|${CHANNEL_ID}\\|${CHANNEL_NAME})$`);

/** What is wrong with a (trimmed, non-blank) channel, or null when Slack would accept it. */
export function slackChannelProblem(channel: string): string | null {
  if (channel.length > SLACK_CHANNEL_MAX_LENGTH) return `Slack channels are at most ${SLACK_CHANNEL_MAX_LENGTH} characters.`;
  if (!SLACK_CHANNEL.test(channel)) return "Enter a Slack channel id (like C0123ABCD), a channel name (like #alerts), or both as C0123ABCD|#alerts.";
  return null;
}
