import "server-only";
import { env } from "@/lib/env";
import { sendMailQuietly, type MailMessage } from "./index";

/** Where a change came from, as a person recognises it. */
export interface NoticeOrigin {
  when: Date;
  /** "Chrome on macOS" (the session's device label). */
  device?: string | null;
  ip?: string | null;
}

export interface Notice {
  to: string;
  /** Without the product name; it is prefixed. */
  subject: string;
  firstName?: string;
  /** What happened, in a few short paragraphs. */
  paragraphs: string[];
  /** One link the reader may follow (verify, reset…). */
  action?: { label: string; url: string };
  origin?: NoticeOrigin;
  /** What to do if it wasn't them; omit for mail the reader asked for. */
  ifNotYou?: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}

function originLines(origin: NoticeOrigin): string[] {
  const when = `${origin.when.toUTCString()}`;
  return [`When: ${when}`, ...(origin.device ? [`Device: ${origin.device}`] : []), ...(origin.ip ? [`Address: ${origin.ip}`] : [])];
}

/** A notice as a message with a plain-text part and an equivalent, minimal HTML part. */
export function renderNotice(notice: Notice): MailMessage {
  const app = env.appName;
  const greeting = notice.firstName ? `Hi ${notice.firstName},` : "Hi,";
  const details = notice.origin ? originLines(notice.origin) : [];
  const text = [
    greeting,
    "",
    ...notice.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(notice.action ? [`${notice.action.label}: ${notice.action.url}`, ""] : []),
    ...(details.length ? [...details, ""] : []),
    ...(notice.ifNotYou ? [notice.ifNotYou, ""] : []),
    `— ${app}`,
  ].join("\n");
  const p = (content: string) => `<p style="margin:0 0 16px">${content}</p>`;
  const html = [
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#171a20;max-width:560px">`,
    p(escapeHtml(greeting)),
    ...notice.paragraphs.map((paragraph) => p(escapeHtml(paragraph))),
    notice.action
      ? p(`<a href="${escapeHtml(notice.action.url)}" style="display:inline-block;padding:10px 16px;background:#3147c9;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(notice.action.label)}</a>`) +
        p(`Or open this link: <a href="${escapeHtml(notice.action.url)}">${escapeHtml(notice.action.url)}</a>`)
      : "",
    details.length ? p(details.map(escapeHtml).join("<br>")) : "",
    notice.ifNotYou ? p(`<strong>${escapeHtml(notice.ifNotYou)}</strong>`) : "",
    p(`— ${escapeHtml(app)}`),
    `</body></html>`,
  ].join("");
  return { to: notice.to, subject: `${app}: ${notice.subject}`, text, html };
}

/** Sends a notice; a mail failure is logged and never undoes the change it reports. */
export async function sendNotice(notice: Notice, event: string): Promise<void> {
  await sendMailQuietly(renderNotice(notice), event);
}
