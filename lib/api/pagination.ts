import { z } from "zod";

export const PAGE_MAX_LIMIT = 500;

/** The list envelope every list endpoint answers with. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    count: z.number().int().min(0),
    next: z.url().nullable().meta({ description: "Absolute URL of the next page, or null." }),
    previous: z.url().nullable().meta({ description: "Absolute URL of the previous page, or null." }),
    results: z.array(item),
  });
}

/** A page of `T`, as `pageSchema` describes it. */
export type Paginated<T> = Omit<z.infer<ReturnType<typeof pageSchema<z.ZodUnknown>>>, "results"> & { results: T[] };

/** `limit`/`offset` query parameters shared by every list endpoint; out-of-range values are a 400. */
export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(PAGE_MAX_LIMIT).default(100).meta({ description: "Number of results to return per page." }),
  offset: z.coerce.number().int().min(0).default(0).meta({ description: "The initial index from which to return the results." }),
};

export interface PageRequest {
  limit: number;
  offset: number;
}

function linkTo(requestUrl: URL, limit: number, offset: number): string {
  const url = new URL(requestUrl);
  url.searchParams.set("limit", String(limit));
  if (offset === 0) url.searchParams.delete("offset");
  else url.searchParams.set("offset", String(offset));
  return url.toString();
}

/** The list envelope, with absolute next/previous links that keep the request's other parameters. */
export function paginated<T>(requestUrl: URL, page: PageRequest, count: number, results: T[]): Paginated<T> {
  const nextOffset = page.offset + page.limit;
  return {
    count,
    next: nextOffset < count ? linkTo(requestUrl, page.limit, nextOffset) : null,
    previous: page.offset > 0 ? linkTo(requestUrl, page.limit, Math.max(0, page.offset - page.limit)) : null,
    results,
  };
}
