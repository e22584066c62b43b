import { FormAlert } from "./form-alert";
import { Skeleton } from "./skeleton";

/** What a list shows before it has data: a skeleton while loading, or the failure with Retry. */
export function LoadState({ pending, what, onRetry }: { pending: boolean; what: string; onRetry: () => void }) {
  if (pending) {
    return (
      <div className="facts-skeleton">
        <span className="visually-hidden">Loading {what}…</span>
        <Skeleton width="70%" />
        <Skeleton width="50%" />
      </div>
    );
  }
  return (
    <FormAlert>
      <p>We couldn&apos;t load {what}.</p>
      <button type="button" className="button button--secondary button--small" onClick={onRetry}>
        Retry
      </button>
    </FormAlert>
  );
}
