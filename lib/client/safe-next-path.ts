/**
 * `?next=` must stay on this site: a single leading slash, no scheme-relative `//host` and no
 * backslash tricks that some browsers read as `//`.
 */
export function safeNextPath(value: string | string[] | null | undefined): string | null {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/")) return null;
  if (candidate.startsWith("//") || candidate.includes("\\")) return null;
  if (/[\u0000-\u001f]/.test(candidate)) return null;
  return candidate;
}
