import type { AuditLogParams } from "./query-keys";
import { offsetParam, type PageSearchParams } from "./user-table-page";

export const AUDIT_PAGE_SIZE = 50;

/** `GET /api/admin/audit_log/`'s actions, with how the page names them. */
export const AUDIT_ACTION_LABELS = {
  "user.staff_changed": "Staff access changed",
  "user.deleted": "User deleted",
  "user.credential_review_requested": "Credential review requested",
  "user.credential_review_requested_all": "Credential review requested from everyone",
  "user.updated": "User updated",
  "user.signal_autonomy_changed": "Signal autonomy changed",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export function auditActionLabel(action: string): string {
  return action in AUDIT_ACTION_LABELS ? AUDIT_ACTION_LABELS[action as AuditAction] : action;
}

export interface AuditUserRef {
  uuid: string;
  email: string;
}

export interface AuditEntry {
  id: string | number;
  action: string;
  actor: AuditUserRef | null;
  target: AuditUserRef | null;
  changes: Record<string, { before: unknown; after: unknown }>;
  ip: string | null;
  created_at: string;
}

export interface AuditPage {
  count: number;
  next: string | null;
  previous: string | null;
  results: AuditEntry[];
}

/** What `/admin/audit?action=&actor=&target=&offset=` says to show. */
export interface AuditView {
  action: string;
  actor: string;
  target: string;
  offset: number;
}

type Read = (name: string) => string | string[] | undefined | null;

function text(value: ReturnType<Read>): string {
  return ((Array.isArray(value) ? value[0] : value) ?? "").trim();
}

export function auditView(read: Read): AuditView {
  return { action: text(read("action")), actor: text(read("actor")), target: text(read("target")), offset: offsetParam(read("offset")) };
}

export function auditViewFromSearchParams(query: PageSearchParams): AuditView {
  return auditView((name) => query[name]);
}

export function auditQueryString(view: AuditView): string {
  const params = new URLSearchParams();
  if (view.action) params.set("action", view.action);
  if (view.actor) params.set("actor", view.actor);
  if (view.target) params.set("target", view.target);
  if (view.offset > 0) params.set("offset", String(view.offset));
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function auditParamsFor(view: AuditView): AuditLogParams {
  return {
    limit: AUDIT_PAGE_SIZE,
    offset: view.offset,
    ...(view.action ? { action: view.action } : {}),
    ...(view.actor ? { actor: view.actor } : {}),
    ...(view.target ? { target: view.target } : {}),
  };
}

export function auditLogPath(params: AuditLogParams): string {
  const search = new URLSearchParams({ limit: String(params.limit), offset: String(params.offset) });
  if (params.action) search.set("action", params.action);
  if (params.actor) search.set("actor", params.actor);
  if (params.target) search.set("target", params.target);
  return `/api/admin/audit_log/?${search.toString()}`;
}

/** A change's value as one short line: `true`, `"x@example.com"`, `—` for nothing. */
export function changeValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
