import "server-only";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { PageQuery } from "./page-queries";

/**
 * Server-renders its children with these queries' data already in the React Query cache, so the
 * first paint is the finished page rather than skeletons; the client hooks take it over as is.
 * A query that fails here is simply left for the client to fetch.
 */
export async function Prefetched({ queries, children }: { queries: readonly PageQuery[]; children: ReactNode }) {
  // One client per request: a shared one would hand one person's data to the next.
  const queryClient = new QueryClient();
  await Promise.all(queries.map((query) => queryClient.prefetchQuery({ queryKey: query.queryKey, queryFn: query.queryFn })));
  return <HydrationBoundary state={dehydrate(queryClient)}>{children}</HydrationBoundary>;
}
