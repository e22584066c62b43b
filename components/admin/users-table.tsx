"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useAnnounce } from "@/components/ui/announcer";
import { EmailText } from "@/components/ui/email-text";
import { LocalDate, useHydrated } from "@/components/ui/local-date";
import { useMe } from "@/lib/client/use-me";
import { useUserList } from "@/lib/client/use-users";
import { USER_TABLE_PAGE_SIZE, userListParamsFor, userTableQueryString, userTableView, type UserTableView } from "@/lib/client/user-table-page";
import type { UserDto } from "@/lib/users/user-schema";
import { AdminUserFlag, LastSignIn, fullName } from "./user-facts";
import { pageRangeText, TablePager } from "@/components/ui/table-pager";

const COLUMNS = ["Name", "Email", "Verified", "Staff", "2FA", "Joined", "Last sign-in"] as const;
const SEARCH_DEBOUNCE_MS = 300;

// The server's first paint can't know the reader's locale (see useHydrated).
const serverNumberFormat = new Intl.NumberFormat("en-US");
const JOINED_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: "medium" };

/** The view lives in the URL (`?search=&is_staff=&offset=`), so it can be shared, reloaded and gone Back to. */
function useUrlView(): [UserTableView, (next: UserTableView, mode: "push" | "replace") => void] {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = useMemo(() => userTableView((name) => searchParams.get(name)), [searchParams]);
  function navigate(next: UserTableView, mode: "push" | "replace") {
    const href = `${pathname}${userTableQueryString(next)}`;
    if (mode === "push") router.push(href, { scroll: false });
    else router.replace(href, { scroll: false });
  }
  return [view, navigate];
}

export function UsersTable() {
  const [view, navigate] = useUrlView();
  const query = useUserList(userListParamsFor(view));
  const announce = useAnnounce();
  const changedByReader = useRef(false);
  const hydrated = useHydrated();
  const numberFormat = useMemo(() => (hydrated ? new Intl.NumberFormat() : serverNumberFormat), [hydrated]);
  const searchId = useId();
  const staffId = useId();
  const [searchDraft, setSearchDraft] = useState(view.search);
  const meUuid = useMe().data?.uuid;

  // Back/Forward or a link change the URL under the field: show what the URL says.
  useEffect(() => setSearchDraft((draft) => (draft.trim() === view.search ? draft : view.search)), [view.search]);

  const latestView = useRef(view);
  useEffect(() => {
    latestView.current = view;
  }, [view]);
  useEffect(() => {
    const typed = searchDraft.trim();
    if (typed === latestView.current.search) return;
    const timer = setTimeout(() => {
      changedByReader.current = true;
      // Typing refines one view rather than making history entries per keystroke.
      navigate({ ...latestView.current, search: typed, offset: 0 }, "replace");
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // navigate is rebuilt each render; the draft alone decides when to search.
  }, [searchDraft]);

  const page = query.data;
  const range = page ? pageRangeText(view.offset, page.results.length, page.count, { empty: "No users", format: numberFormat.format }) : null;

  // Result counts go to the live region only after the person pages or filters, not on first load.
  useEffect(() => {
    if (changedByReader.current && range && !query.isPlaceholderData) announce(`Showing users ${range}`);
  }, [announce, range, query.isPlaceholderData]);

  function change(next: UserTableView) {
    changedByReader.current = true;
    navigate({ ...next, offset: Math.max(0, next.offset) }, "push");
  }

  const filtered = view.search !== "" || view.isStaff !== undefined;
  const hasPrevious = view.offset > 0;
  const hasNext = page ? view.offset + USER_TABLE_PAGE_SIZE < page.count : false;

  return (
    <div className="card card--flush">
      <div className="table-filters">
        <div className="field">
          <label className="field__label" htmlFor={searchId}>
            Search by email
          </label>
          <input
            id={searchId}
            className="input"
            type="search"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            value={searchDraft}
            aria-describedby={`${searchId}-hint`}
            onChange={(event) => setSearchDraft(event.target.value)}
          />
          <p className="field__help" id={`${searchId}-hint`}>
            Matches emails that start with what you type.
          </p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={staffId}>
            Staff
          </label>
          <select
            id={staffId}
            className="input"
            value={view.isStaff === undefined ? "" : String(view.isStaff)}
            onChange={(event) => change({ ...view, isStaff: event.target.value === "" ? undefined : event.target.value === "true", offset: 0 })}
          >
            <option value="">All</option>
            <option value="true">Staff</option>
            <option value="false">Not staff</option>
          </select>
        </div>
      </div>
      <TablePager
        rangeId="users-range"
        range={range ?? <Skeleton width="8rem" />}
        hasPrevious={hasPrevious}
        hasNext={hasNext}
        busy={query.isFetching}
        onPrevious={() => change({ ...view, offset: view.offset - USER_TABLE_PAGE_SIZE })}
        onNext={() => change({ ...view, offset: view.offset + USER_TABLE_PAGE_SIZE })}
      />
      {query.isError ? (
        <FormAlert>
          <p>We couldn&apos;t load users. {query.error.isRetryable ? "Check your connection and try again." : query.error.body.detail}</p>
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
              ? page.results.map((user) => <UserRow key={user.uuid} user={user} isMe={user.uuid === meUuid} />)
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
      {page && page.results.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <>
              <p>No users match these filters.</p>
              <button type="button" className="button button--secondary button--small" onClick={() => change({ search: "", isStaff: undefined, offset: 0 })}>
                Clear filters
              </button>
            </>
          ) : (
            <p>No users yet.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}

function UserRow({ user, isMe }: { user: UserDto; isMe: boolean }) {
  const name = fullName(user);
  const href = `/admin/users/${user.uuid}`;
  return (
    <tr>
      <td data-label="Name">
        <Link href={href} aria-label={`${name || user.email}: details`}>
          {name || <span className="muted">Not set</span>}
        </Link>
        {isMe ? <> <span className="badge badge--neutral">You</span></> : null}
      </td>
      <td data-label="Email">
        <Link href={href}>
          <EmailText email={user.email} />
        </Link>
      </td>
      <td data-label="Verified">
        <AdminUserFlag on={user.is_email_verified === true} label="Verified" />
      </td>
      <td data-label="Staff">
        <AdminUserFlag on={user.is_staff} label="Staff" accent />
      </td>
      <td data-label="2FA">
        <AdminUserFlag on={user.is_2fa_enabled} label="On" />
      </td>
      <td data-label="Joined">
        <LocalDate value={user.date_joined} options={JOINED_FORMAT} />
      </td>
      <td data-label="Last sign-in">
        <LastSignIn value={user.last_login} />
      </td>
    </tr>
  );
}
