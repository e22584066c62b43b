"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useMemo, useRef } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useAnnounce } from "@/components/ui/announcer";
import { EmailText } from "@/components/ui/email-text";
import { LocalDate } from "@/components/ui/local-date";
import { AUDIT_ACTION_LABELS, AUDIT_PAGE_SIZE, auditActionLabel, auditParamsFor, auditQueryString, auditView, changeValue, type AuditEntry, type AuditUserRef, type AuditView } from "@/lib/client/audit-log";
import { useAuditLog } from "@/lib/client/use-audit-log";
import { pageRangeText, TablePager } from "@/components/ui/table-pager";

const COLUMNS = ["Time", "Actor", "Action", "Target", "Changes", "IP"] as const;
const TIME_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "medium" };

export function AuditLogTable() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = useMemo(() => auditView((name) => searchParams.get(name)), [searchParams]);
  const query = useAuditLog(auditParamsFor(view));
  const announce = useAnnounce();
  const changedByReader = useRef(false);
  const actionId = useId();

  const page = query.data;
  const range = page ? pageRangeText(view.offset, page.results.length, page.count) : null;

  useEffect(() => {
    if (changedByReader.current && range && !query.isPlaceholderData) announce(`Showing audit entries ${range}`);
  }, [announce, range, query.isPlaceholderData]);

  function change(next: AuditView) {
    changedByReader.current = true;
    router.push(`${pathname}${auditQueryString({ ...next, offset: Math.max(0, next.offset) })}`, { scroll: false });
  }

  const filtered = view.action !== "" || view.actor !== "" || view.target !== "";
  const hasPrevious = view.offset > 0;
  const hasNext = page ? view.offset + AUDIT_PAGE_SIZE < page.count : false;

  return (
    <div className="card card--flush">
      <div className="table-filters">
        <div className="field">
          <label className="field__label" htmlFor={actionId}>
            Action
          </label>
          <select id={actionId} className="input" value={view.action} onChange={(event) => change({ ...view, action: event.target.value, offset: 0 })}>
            <option value="">All actions</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {view.target || view.actor ? (
          <div className="field">
            <p className="field__label">Showing</p>
            <p>
              {view.target ? <>entries about user <code className="facts__code">{view.target}</code> </> : null}
              {view.actor ? <>entries by user <code className="facts__code">{view.actor}</code> </> : null}
              <button type="button" className="button button--ghost button--small" onClick={() => change({ ...view, actor: "", target: "", offset: 0 })}>
                Show all users
              </button>
            </p>
          </div>
        ) : null}
      </div>
      <TablePager
        rangeId="audit-range"
        range={range ?? (query.isError ? "—" : <Skeleton width="8rem" />)}
        hasPrevious={hasPrevious}
        hasNext={hasNext}
        busy={query.isFetching}
        onPrevious={() => change({ ...view, offset: view.offset - AUDIT_PAGE_SIZE })}
        onNext={() => change({ ...view, offset: view.offset + AUDIT_PAGE_SIZE })}
      />
      {query.isError ? (
        <FormAlert>
          <p>We couldn&apos;t load the audit log. {query.error.isRetryable ? "Check your connection and try again." : query.error.body.detail}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => void query.refetch()}>
            Retry
          </button>
        </FormAlert>
      ) : null}
      <div className="table-scroll">
        <table className="data-table" aria-describedby="audit-range" aria-busy={query.isFetching || undefined} data-stale={query.isPlaceholderData || undefined}>
          <caption className="visually-hidden">Audit log</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page
              ? page.results.map((entry) => <AuditRow key={entry.id} entry={entry} />)
              : query.isPending
                ? Array.from({ length: 5 }, (_, row) => (
                    <tr key={row} aria-hidden="true">
                      {COLUMNS.map((column) => (
                        <td key={column}>
                          <Skeleton width="6rem" />
                        </td>
                      ))}
                    </tr>
                  ))
                : null}
          </tbody>
        </table>
      </div>
      {page && page.results.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <>
              <p>No entries match these filters.</p>
              <button type="button" className="button button--secondary button--small" onClick={() => change({ action: "", actor: "", target: "", offset: 0 })}>
                Clear filters
              </button>
            </>
          ) : (
            <p>Nothing recorded yet.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}

function UserRef({ user, fallback }: { user: AuditUserRef | null; fallback: string }) {
  if (!user) return <span className="muted">{fallback}</span>;
  return (
    <Link href={`/admin/users/${user.uuid}`}>
      <EmailText email={user.email} />
    </Link>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const changes = Object.entries(entry.changes ?? {});
  return (
    <tr>
      <td data-label="Time">
        <LocalDate value={entry.created_at} options={TIME_FORMAT} />
      </td>
      <td data-label="Actor">
        <UserRef user={entry.actor} fallback="System" />
      </td>
      <td data-label="Action">{auditActionLabel(entry.action)}</td>
      <td data-label="Target">
        <UserRef user={entry.target} fallback="Everyone" />
      </td>
      <td data-label="Changes">
        {changes.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="audit-changes">
            {changes.map(([field, { before, after }]) => (
              <li key={field}>
                <code>{field}</code>: {changeValue(before)} → {changeValue(after)}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td data-label="IP">{entry.ip ?? <span className="muted">—</span>}</td>
    </tr>
  );
}
