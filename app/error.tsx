"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";

// A page whose server rendering failed (typically the database being briefly unreachable) shows
// this instead of Next's bare "Application error"; production hides the error's details anyway.
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  // The failure happened on the server: fetch the page again, then leave the error state.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <main id="main" tabIndex={-1} className="centered-main">
      <div className="panel panel--narrow" role="alert">
        <p className="eyebrow">Temporarily unavailable</p>
        <h1>This page could not be loaded</h1>
        <p className="muted">Something on our side is not answering right now. This is usually brief; please try again in a moment.</p>
        <p>
          <button type="button" className="button button--primary" onClick={retry}>
            Try again
          </button>
        </p>
      </div>
    </main>
  );
}
