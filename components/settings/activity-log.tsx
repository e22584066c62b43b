"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useMemo, useRef } from "react";
import { useAnnounce } from "@/components/ui/announcer";
import { FormAlert } from "@/components/ui/form-alert";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { pageRangeText, TablePager } from "@/components/ui/table-pager";
import { activityTone, describeActivity } from "@/lib/activity/describe";
import { CATEGORY_LABELS, type ActivityCategory } from "@/lib/activity/kinds";
import type { ActivityEntryDto } from "@/lib/activity/schemas";
import { ACTIVITY_PAGE_SIZE, activityParamsFor, activityQueryString, activityView, type ActivityView } from "@/lib/client/activity-page";
import { useActivity } from "@/lib/client/use-activity";

/** The account's activity, newest first, filtered and paged through the URL so a view survives reload. */
export function ActivityLog() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = useMemo(() => activityView((name) => searchParams.get(name)), [searchParams]);
  const query = useActivity(activityParamsFor(view));
  const announce = useAnnounce();
  const changedByReader = useRef(false);
  const kindId = useId();

  const page = query.data;
  const range = page ? pageRangeText(view.offset, page.results.length, page.count) : null;

  useEffect(() => {
    if (changedByReader.current && range && !query.isPlaceholderData) announce(`Showing activity ${range}`);
  }, [announce, range, query.isPlaceholderData]);

  function change(next: ActivityView) {
    changedByReader.current = true;
    router.push(`${pathname}${activityQueryString({ ...next, offset: Math.max(0, next.offset) })}`, { scroll: false });
  }

  return (
    <div className="card card--flush">
      <div className="table-filters">
        <div className="field">
          <label className="field__label" htmlFor={kindId}>
            Show
          </label>
          <select id={kindId} className="input" value={view.kind} onChange={(event) => change({ kind: event.target.value as ActivityCategory | "", offset: 0 })}>
            <option value="">All activity</option>
            {Object.entries(CATEGORY_LABELS).map(([category, label]) => (
              <option key={category} value={category}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <TablePager
        rangeId="activity-range"
        range={range ?? (query.isError ? "—" : <Skeleton width="8rem" />)}
        hasPrevious={view.offset > 0}
        hasNext={page ? view.offset + ACTIVITY_PAGE_SIZE < page.count : false}
        busy={query.isFetching}
        onPrevious={() => change({ ...view, offset: view.offset - ACTIVITY_PAGE_SIZE })}
        onNext={() => change({ ...view, offset: view.offset + ACTIVITY_PAGE_SIZE })}
      />
      {query.isError ? (
        <FormAlert>
          <p>We couldn&apos;t load your activity. {query.error.isRetryable ? "Check your connection and try again." : query.error.body.detail}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => void query.refetch()}>
            Retry
          </button>
        </FormAlert>
      ) : null}
      {page ? (
        page.results.length > 0 ? (
          <ol className="activity-list" aria-describedby="activity-range" aria-busy={query.isFetching || undefined} data-stale={query.isPlaceholderData || undefined}>
            {page.results.map((entry) => (
              <ActivityItem key={entry.id} entry={entry} />
            ))}
          </ol>
        ) : (
          <div className="empty-state">
            {view.kind ? (
              <>
                <p>No activity of this kind.</p>
                <button type="button" className="button button--secondary button--small" onClick={() => change({ kind: "", offset: 0 })}>
                  Show all activity
                </button>
              </>
            ) : (
              <p>Nothing recorded yet.</p>
            )}
          </div>
        )
      ) : query.isPending ? (
        <ol className="activity-list" aria-hidden="true">
          {Array.from({ length: 5 }, (_, row) => (
            <li key={row} className="activity">
              <Skeleton width="16rem" />
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

function ActivityItem({ entry }: { entry: ActivityEntryDto }) {
  const signIn = entry.kind === "sign_in";
  return (
    <li className="activity" data-tone={activityTone(entry)} data-kind={entry.kind}>
      <p className="activity__what">{describeActivity(entry)}</p>
      <p className="activity__meta">
        <RelativeTime value={entry.created_at} />
        {entry.ip ? <> · {entry.ip}</> : null}
        {signIn && entry.session_id ? (
          entry.session_active ? (
            <>
              {" · "}
              <Link href={`/settings/security#session-${entry.session_id}`}>See this device</Link>
            </>
          ) : (
            <> · signed out since</>
          )
        ) : null}
      </p>
    </li>
  );
}
