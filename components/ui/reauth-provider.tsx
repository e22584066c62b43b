"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { setReauthHandler } from "@/lib/client/api-client";

// Loaded the first time a change asks for it: no page pays for the dialog up front.
const ReauthDialog = dynamic(() => import("./reauth-dialog").then((module) => module.ReauthDialog), { ssr: false });

/**
 * Answers the API client's "confirm it's you" with one dialog for the whole app. Requests refused
 * at the same moment wait for the same answer.
 */
export function ReauthProvider() {
  const [open, setOpen] = useState(false);
  const pending = useRef<{ promise: Promise<boolean>; resolve: (confirmed: boolean) => void } | null>(null);

  useEffect(() => {
    setReauthHandler(() => {
      if (!pending.current) {
        let resolve!: (confirmed: boolean) => void;
        const promise = new Promise<boolean>((done) => (resolve = done));
        pending.current = { promise, resolve };
        setOpen(true);
      }
      return pending.current.promise;
    });
    return () => setReauthHandler(null);
  }, []);

  function finish(confirmed: boolean) {
    pending.current?.resolve(confirmed);
    pending.current = null;
    setOpen(false);
  }

  return open ? <ReauthDialog onDone={finish} /> : null;
}
