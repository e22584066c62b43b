import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { describeError, log } from "@/lib/log";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to `text` (which every message has). */
  html?: string;
}

const globalForMail = globalThis as unknown as { mailTransports?: Map<string, Transporter> };

function transport(url: string): Transporter {
  globalForMail.mailTransports ??= new Map();
  let existing = globalForMail.mailTransports.get(url);
  if (!existing) {
    existing = nodemailer.createTransport(url);
    globalForMail.mailTransports.set(url, existing);
  }
  return existing;
}

/** With no SMTP server configured, mail is kept in the database and shown on the dev outbox page. */
export function devOutboxEnabled(): boolean {
  return !env.smtpUrl && env.devOutbox;
}

/** The one way the app sends mail: SMTP when `SMTP_URL` is set, otherwise the dev outbox. */
export async function sendMail(message: MailMessage): Promise<void> {
  const smtpUrl = env.smtpUrl;
  if (!smtpUrl) {
    await db().outboxEmail.create({ data: message });
    return;
  }
  await transport(smtpUrl).sendMail({ from: env.mailFrom, ...message });
}

/** For notices whose failure must not undo the action that caused them. */
export async function sendMailQuietly(message: MailMessage, event: string): Promise<void> {
  try {
    await sendMail(message);
  } catch (error) {
    log.error("mail.send_failed", { notice: event, ...describeError(error) });
  }
}
