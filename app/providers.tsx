"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { AnnouncerProvider } from "@/components/ui/announcer";
import { ReauthProvider } from "@/components/ui/reauth-provider";
import { isApiClientError } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";

/** A 401 anywhere means the session ended: send the person to sign in and bring them back here. */
function redirectWhenSignedOut(error: unknown): void {
  if (!isApiClientError(error) || error.status !== 401) return;
  const next = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/signin?next=${encodeURIComponent(next)}`);
}

function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: redirectWhenSignedOut }),
    mutationCache: new MutationCache({
      onError: redirectWhenSignedOut,
      // Almost any change can move the security check-up and add to the activity log; each is
      // re-read (one small GET) only while it is shown.
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.securityCheckup.mine() });
        void queryClient.invalidateQueries({ queryKey: queryKeys.activity.all() });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Only failures that may pass on their own are worth retrying; a 4xx will not.
        retry: (failureCount, error) => (isApiClientError(error) && !error.isRetryable ? false : failureCount < 2),
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <AnnouncerProvider>
        {children}
        <ReauthProvider />
      </AnnouncerProvider>
    </QueryClientProvider>
  );
}
