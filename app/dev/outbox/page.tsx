import type { Metadata } from "next";
import { PageHeader } from "@/components/settings/page-header";
import { EmailText } from "@/components/ui/email-text";
import { db } from "@/lib/db/client";
import { requireOutboxViewer } from "@/lib/mail/outbox-page";

const OUTBOX_LIMIT = 50;

const sentAt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

// Metadata resolves apart from the layout: without the check a refused visitor's 404 would still be titled.
export async function generateMetadata(): Promise<Metadata> {
  await requireOutboxViewer();
  return { title: "Outbox · Staff" };
}

export default async function DevOutboxPage() {
  await requireOutboxViewer();
  const emails = await db().outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: OUTBOX_LIMIT });

  return (
    <>
      <PageHeader
        title="Outbox"
        description={`Mail the app would have sent, newest first (last ${OUTBOX_LIMIT}). Shown because no SMTP server is configured; visible to staff only.`}
      />
      {emails.length === 0 ? (
        <p className="card empty-state">No emails yet. Mail appears here when someone signs up.</p>
      ) : (
        <ol className="outbox__list">
          {emails.map((email) => (
            <li key={email.id} className="card outbox__item">
              <h2 className="outbox__subject">{email.subject}</h2>
              <dl className="outbox__meta">
                <div>
                  <dt>To</dt>
                  <dd>
                    <EmailText email={email.to} />
                  </dd>
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
    </>
  );
}
