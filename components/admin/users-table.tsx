"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useAnnounce } from "@/components/ui/announcer";
import { EmailText } from "@/components/ui/email-text";
import { LocalDate, useHydrated } from "@/components/ui/local-date";
import { useUserList } from "@/lib/client/use-users";
import { USER_TABLE_PAGE_SIZE } from "@/lib/client/user-table-page";
import type { UserDto } from "@/lib/users/user-schema";

const COLUMNS = ["Email", "Name", "Staff", "Joined"] as const;

// The server's first paint can't know the reader's locale (see useHydrated).
const serverNumberFormat = new Intl.NumberFormat("en-US");
const JOINED_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: "medium" };

function fullName(user: UserDto): string {
  return `${user.first_name} ${user.last_name}`.trim();
}

function rangeText(numberFormat: Intl.NumberFormat, offset: number, shown: number, count: number): string {
  if (count === 0) return "No users";
  return `${numberFormat.format(offset + 1)}–${numberFormat.format(offset + shown)} of ${numberFormat.format(count)}`;
}

export function UsersTable() {
  const [offset, setOffset] = useState(0);
  const query = useUserList({ limit: USER_TABLE_PAGE_SIZE, offset });
  const announce = useAnnounce();
  const paged = useRef(false);
  const hydrated = useHydrated();
  const numberFormat = useMemo(() => (hydrated ? new Intl.NumberFormat() : serverNumberFormat), [hydrated]);

  const page = query.data;
  const range = page ? rangeText(numberFormat, offset, page.results.length, page.count) : null;

  // Result counts go to the live region only after the person pages, not on first load.
  useEffect(() => {
    if (paged.current && range && !query.isPlaceholderData) announce(`Showing users ${range}`);
  }, [announce, range, query.isPlaceholderData]);

  function goTo(nextOffset: number) {
    paged.current = true;
    setOffset(Math.max(0, nextOffset));
  }

  if (query.isError && !page) {
    return (
      <div className="card">
        <FormAlert>
          <p>We couldn&apos;t load users. {query.error.isRetryable ? "Check your connection and try again." : query.error.body.detail}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => void query.refetch()}>
            Retry
          </button>
        </FormAlert>
      </div>
    );
  }

  const hasPrevious = offset > 0;
  const hasNext = page ? offset + USER_TABLE_PAGE_SIZE < page.count : false;

  return (
    <div className="card card--flush">
      <div className="table-toolbar">
        <p className="table-toolbar__range" id="users-range">
          {range ?? <Skeleton width="8rem" />}
        </p>
        <div className="table-toolbar__pager">
          <button type="button" className="button button--secondary button--small" disabled={!hasPrevious || query.isFetching} onClick={() => goTo(offset - USER_TABLE_PAGE_SIZE)}>
            Previous
          </button>
          <button type="button" className="button button--secondary button--small" disabled={!hasNext || query.isFetching} onClick={() => goTo(offset + USER_TABLE_PAGE_SIZE)}>
            Next
          </button>
        </div>
      </div>
      {query.isError ? (
        <FormAlert>
          <p>Couldn&apos;t load this page of users.</p>
          <button type="button" className="button button--secondary button--small" onClick={() => void query.refetch()}>
            Retry
          </button>
        </FormAlert>
      ) : null}
      <div className="table-scroll">
        <table className="data-table" aria-describedby="users-range" aria-busy={query.isFetching || undefined} data-stale={query.isPlaceholderData || undefined}>
          <caption className="visually-hidden">Users</caption>
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
              ? page.results.map((user) => (
                  <tr key={user.uuid}>
                    <td data-label="Email">
                      <EmailText email={user.email} />
                    </td>
                    <td data-label="Name">{fullName(user) || <span className="muted">Not set</span>}</td>
                    <td data-label="Staff">
                      {user.is_staff ? <span className="badge badge--accent">Staff</span> : <span className="muted">No</span>}
                    </td>
                    <td data-label="Joined">
                      <LocalDate value={user.date_joined} options={JOINED_FORMAT} />
                    </td>
                  </tr>
                ))
              : Array.from({ length: 5 }, (_, row) => (
                  <tr key={row} aria-hidden="true">
                    {COLUMNS.map((column) => (
                      <td key={column}>
                        <Skeleton width={column === "Email" ? "12rem" : "5rem"} />
                      </td>
                    ))}
                  </tr>
                ))}
          </tbody>
        </table>
      </div>
      {page && page.count === 0 ? <p className="empty-state">No users yet.</p> : null}
    </div>
  );
}
