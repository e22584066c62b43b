import { safeNextPath } from "@/lib/client/safe-next-path";

/**
 * next-auth's `redirect` callback: a path on this site, or an absolute URL with exactly our
 * origin, else our origin itself. next-auth's default runs `new URL(url)` unguarded, so a
 * `callbackUrl` such as `http://our-host:3000.evil.example` made sign-out answer 500.
 */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  let target: URL;
  try {
    target = new URL(url, origin);
  } catch {
    return origin;
  }
  if (target.origin !== origin) return origin;
  const path = safeNextPath(`${target.pathname}${target.search}${target.hash}`);
  return path ? `${origin}${path}` : origin;
}
