const PLACEHOLDER_ORIGIN = "http://next.invalid";

/**
 * `?next=` must stay on this site: a single leading slash, no scheme-relative `//host` and no
 * backslash tricks that some browsers read as `//`. The result is re-serialised by the URL
 * parser, so it is plain percent-encoded ASCII (a raw `/　/x` or fullwidth `／` would otherwise
 * reach the `Location` header, which refuses non-ASCII).
 */
export function safeNextPath(value: string | string[] | null | undefined): string | null {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/")) return null;
  if (candidate.startsWith("//") || candidate.includes("\\")) return null;
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
