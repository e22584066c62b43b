import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { overrideEnvForTests } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { resetMailTransports, startSmtpServer } from "../support/smtp-server";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const restoreEnv: (() => void)[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
});

afterEach(() => {
  resetMailTransports();
  for (const restore of restoreEnv.splice(0).reverse()) restore();
});

afterAll(async () => {
  await smtp.close();
});

describe("sendMail", () => {
  it("delivers over SMTP when SMTP_URL is set", async () => {
    restoreEnv.push(overrideEnvForTests({ SMTP_URL: smtp.url }));
    const to = `smtp-${randomUUID()}@test.local`;
    const subject = `Hello ${randomUUID()}`;
    await sendMail({ to, subject, text: "Body text" });

    const message = smtp.received.find((mail) => mail.to.includes(to));
    expect(message).toBeDefined();
    expect(message!.to).toEqual([to]);
    expect(message!.raw).toContain(`Subject: ${subject}`);
    expect(message!.raw).toContain("Body text");
    expect(await db().outboxEmail.count({ where: { to } })).toBe(0);
  });

  it("writes an outbox row when SMTP_URL is unset", async () => {
    restoreEnv.push(overrideEnvForTests({ SMTP_URL: undefined }));
    const to = `outbox-${randomUUID()}@test.local`;
    const countBefore = smtp.received.length;
    await sendMail({ to, subject: "Kept locally", text: "Outbox body" });

    const rows = await db().outboxEmail.findMany({ where: { to } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ to, subject: "Kept locally", text: "Outbox body" });
    expect(smtp.received.length).toBe(countBefore);
  });
});
