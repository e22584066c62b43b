import type { SaveState } from "@/lib/client/use-instant-save";

const TEXT: Record<Exclude<SaveState["kind"], "failed">, string> = { idle: "", saving: "Saving…", saved: "Saved" };

/**
 * The inline status next to a control that saves at once. The live region stays mounted so
 * screen readers already watch it when "Saving…" arrives; a failure keeps its Retry until the next change.
 */
export function SaveStatus({ id, state, onRetry }: { id: string; state: SaveState; onRetry: () => void }) {
  return (
    <span className="save-status" data-state={state.kind}>
      <span role="status" id={id}>
        {state.kind === "failed" ? state.message : TEXT[state.kind]}
      </span>
      {state.kind === "failed" && state.retryable ? (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </span>
  );
}
