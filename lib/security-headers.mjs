// The security headers every response carries, in one place. next.config.js applies them to pages;
// the API wrapper (lib/api/response.ts) sets them on API answers itself, because Next's `headers()`
// compiles every configured header value as a path template on each request it matches (~65 µs of
// a ~1.2 ms API request in a CPU profile of the platform bench's load).

// Next's hydration uses inline scripts (a nonce would need every page rendered through the proxy),
// so scripts allow 'unsafe-inline'; the rest still shuts framing, plugins, foreign forms and
// foreign connections out. Dev's hot reload also needs eval.
// PostHog's animated hedgehog (pixi.js, bundled inside @posthog/hedgehog-mode) compiles its shader
// glue with `new Function`, and its bundled pixi cannot be given pixi's no-eval polyfill: only the
// hedgehog page's document also allows eval, and the blob: workers pixi decodes images in.
/** @param {{ allowEval: boolean, development: boolean }} options */
export function contentSecurityPolicy({ allowEval, development }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development || allowEval ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://avatars.githubusercontent.com",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(allowEval ? ["worker-src 'self' blob:"] : []),
  ].join("; ");
}

/** @param {{ https: boolean, development: boolean }} options */
export function securityHeaders({ https, development }) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy({ allowEval: false, development }) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}
