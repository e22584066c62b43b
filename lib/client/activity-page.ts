import { ACTIVITY_CATEGORIES, type ActivityCategory } from "@/lib/activity/kinds";
import { offsetParam, type PageSearchParams } from "./user-table-page";

export const ACTIVITY_PAGE_SIZE = 50;

/** What `/settings/activity?kind=&offset=` says to show: a group of kinds (or all) and a page. */
export interface ActivityView {
  kind: ActivityCategory | "";
  offset: number;
}

export interface ActivityParams {
  limit: number;
  offset: number;
  kind?: ActivityCategory;
}

type Read = (name: string) => string | string[] | undefined | null;

const isCategory = (value: string): value is ActivityCategory => Object.hasOwn(ACTIVITY_CATEGORIES, value);

export function activityView(read: Read): ActivityView {
  const raw = read("kind");
  const kind = ((Array.isArray(raw) ? raw[0] : raw) ?? "").trim();
  return { kind: isCategory(kind) ? kind : "", offset: offsetParam(read("offset")) };
}

export const activityViewFromSearchParams = (query: PageSearchParams) => activityView((name) => query[name]);

export function activityQueryString(view: ActivityView): string {
  const params = new URLSearchParams();
  if (view.kind) params.set("kind", view.kind);
  if (view.offset > 0) params.set("offset", String(view.offset));
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function activityParamsFor(view: ActivityView): ActivityParams {
  return { limit: ACTIVITY_PAGE_SIZE, offset: view.offset, ...(view.kind ? { kind: view.kind } : {}) };
}

export function activityPath(params: ActivityParams): string {
  const search = new URLSearchParams({ limit: String(params.limit), offset: String(params.offset) });
  if (params.kind) search.set("kind", params.kind);
  return `/api/users/@me/activity?${search.toString()}`;
}
