import type { ReactNode } from "react";

/** "1–50 of 120" for a page of `shown` rows at `offset`; `empty` when there are none. */
export function pageRangeText(offset: number, shown: number, count: number, { empty = "No entries", format = String }: { empty?: string; format?: (value: number) => string } = {}): string {
  if (count === 0 || shown === 0) return empty;
  return `${format(offset + 1)}–${format(offset + shown)} of ${format(count)}`;
}

interface TablePagerProps {
  /** The range line's id, which the table names in `aria-describedby`. */
  rangeId: string;
  range: ReactNode;
  hasPrevious: boolean;
  hasNext: boolean;
  busy: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** A paged table's toolbar: "1–50 of 120" and Previous/Next, both held while a page loads. */
export function TablePager({ rangeId, range, hasPrevious, hasNext, busy, onPrevious, onNext }: TablePagerProps) {
  return (
    <div className="table-toolbar">
      <p className="table-toolbar__range" id={rangeId}>
        {range}
      </p>
      <div className="table-toolbar__pager">
        <button type="button" className="button button--secondary button--small" disabled={!hasPrevious || busy} onClick={onPrevious}>
          Previous
        </button>
        <button type="button" className="button button--secondary button--small" disabled={!hasNext || busy} onClick={onNext}>
          Next
        </button>
      </div>
    </div>
  );
}
