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

/**
 * A whole number in a query string: decimal digits only, so `0x10`, `1e3` and ` 5` are refused
 * rather than read as numbers. Documented as the integer it stands for.
 */
export function integerParam(bounds: { min: number; max: number }, fallback: number, description: string) {
  return z
    .string()
    .regex(/^-?\d{1,16}$/, "Must be a whole number.")
    .transform(Number)
    .pipe(z.number().int().min(bounds.min).max(bounds.max))
    .optional()
    .transform((value) => value ?? fallback)
    .meta({
      description,
      override: { type: "integer", minimum: bounds.min, maximum: bounds.max, default: fallback, description },
    });
}

/** `limit`/`offset` query parameters shared by every list endpoint; out-of-range values are a 400. */
export const paginationQuery = {
  limit: integerParam({ min: 1, max: PAGE_MAX_LIMIT }, 100, "Number of results to return per page."),
  offset: integerParam({ min: 0, max: Number.MAX_SAFE_INTEGER }, 0, "The initial index from which to return the results."),
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
