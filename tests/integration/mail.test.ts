import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { overrideEnvForTests } from "@/lib/env";
import { sendMail } from "@/lib/mail";

interface Received {
  from: string | undefined;
  to: string[];
  raw: string;
}

const received: Received[] = [];
let server: SMTPServer;
let port: number;
const restoreEnv: (() => void)[] = [];
const globalForMail = globalThis as unknown as { mailTransports?: Map<string, { close(): void }> };

function resetTransport(): void {
  for (const transport of globalForMail.mailTransports?.values() ?? []) transport.close();
  globalForMail.mailTransports?.clear();
}

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterEach(() => {
  resetTransport();
  for (const restore of restoreEnv.splice(0).reverse()) restore();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("sendMail", () => {
  it("delivers over SMTP when SMTP_URL is set", async () => {
    restoreEnv.push(overrideEnvForTests({ SMTP_URL: `smtp://127.0.0.1:${port}` }));
    const to = `smtp-${randomUUID()}@test.local`;
    const subject = `Hello ${randomUUID()}`;
    await sendMail({ to, subject, text: "Body text" });

    const message = received.find((mail) => mail.to.includes(to));
    expect(message).toBeDefined();
    expect(message!.to).toEqual([to]);
    expect(message!.raw).toContain(`Subject: ${subject}`);
    expect(message!.raw).toContain("Body text");
    expect(await db().outboxEmail.count({ where: { to } })).toBe(0);
  });

  it("writes an outbox row when SMTP_URL is unset", async () => {
    restoreEnv.push(overrideEnvForTests({ SMTP_URL: undefined }));
    const to = `outbox-${randomUUID()}@test.local`;
    const countBefore = received.length;
    await sendMail({ to, subject: "Kept locally", text: "Outbox body" });

    const rows = await db().outboxEmail.findMany({ where: { to } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ to, subject: "Kept locally", text: "Outbox body" });
    expect(received.length).toBe(countBefore);
  });
});
