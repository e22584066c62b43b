"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

type Announce = (message: string) => void;

const AnnouncerContext = createContext<Announce | null>(null);

const VISIBLE_FOR_MS = 6000;

interface Announcement {
  id: number;
  message: string;
}

/**
 * The app's one polite live region ("Saved", "Copied", result counts). It is also the visible
 * toast, so what is announced is what is shown.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const nextId = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const announce = useCallback<Announce>((message) => {
    nextId.current += 1;
    setAnnouncement({ id: nextId.current, message });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setAnnouncement(null), VISIBLE_FOR_MS);
  }, []);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" className="toast-region">
        {/* A fresh node per message makes screen readers repeat an identical message. */}
        {announcement ? (
          <p key={announcement.id} className="toast">
            {announcement.message}
          </p>
        ) : null}
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): Announce {
  const announce = useContext(AnnouncerContext);
  if (!announce) throw new Error("useAnnounce must be used inside <AnnouncerProvider>");
  return announce;
}
