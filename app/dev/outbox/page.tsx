import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { db } from "@/lib/db/client";
import { devOutboxEnabled } from "@/lib/mail/index";

export const metadata: Metadata = { title: "Dev outbox" };

const OUTBOX_LIMIT = 50;

const sentAt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function DevOutboxPage() {
  // Decided per request: a build-time check would freeze the answer into a static 404.
  await connection();
  if (!devOutboxEnabled()) notFound();
  await requirePagePrincipal();

  const emails = await db().outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: OUTBOX_LIMIT });

  return (
    <main id="main" tabIndex={-1} className="outbox">
      <h1>Dev outbox</h1>
      <p className="muted">
        Mail the app would have sent, newest first (last {OUTBOX_LIMIT}). Shown because no SMTP server is configured.
      </p>
      {emails.length === 0 ? (
        <p className="empty-state">No emails yet.</p>
      ) : (
        <ol className="outbox__list">
          {emails.map((email) => (
            <li key={email.id} className="card outbox__item">
              <h2 className="outbox__subject">{email.subject}</h2>
              <dl className="outbox__meta">
                <div>
                  <dt>To</dt>
                  <dd>{email.to}</dd>
                </div>
                <div>
                  <dt>Sent</dt>
                  <dd>
                    <time dateTime={email.createdAt.toISOString()}>{sentAt.format(email.createdAt)} UTC</time>
                  </dd>
                </div>
              </dl>
              <pre className="outbox__text">{email.text}</pre>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
