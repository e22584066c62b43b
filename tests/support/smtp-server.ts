import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string | undefined;
  to: string[];
  raw: string;
}

const globalForMail = globalThis as unknown as { mailTransports?: Map<string, { close(): void }> };

/** Closes the app's cached SMTP transports, so the next mail opens a connection to the current `SMTP_URL`. */
export function resetMailTransports(): void {
  for (const transport of globalForMail.mailTransports?.values() ?? []) transport.close();
  globalForMail.mailTransports?.clear();
}

/**
 * A real SMTP server on a free loopback port that keeps every message it is given.
 * `delayMs` holds each reply back, like a slow mail server.
 */
export async function startSmtpServer(options: { delayMs?: number } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const keep = () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        };
        if (options.delayMs) setTimeout(keep, options.delayMs);
        else keep();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: async () => {
      resetMailTransports();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
